// The question types by name: what the walk, the runner, the answers file
// and the reports ask of a question's type, instead of switching on it.
import type { Question } from '../definition/schema.js';
import { choice } from './choice.js';
import { date } from './date.js';
import { group } from './group.js';
import { longtext } from './longtext.js';
import { multichoice } from './multichoice.js';
import { number } from './number.js';
import { text } from './text.js';
import type { QuestionType } from './type.js';
import { yesno } from './yesno.js';

const questionTypes: { [K in Question['type']]: QuestionType<Extract<Question, { type: K }>> } = {
  text,
  longtext,
  yesno,
  choice,
  multichoice,
  date,
  number,
  group,
};

export function typeOf<Q extends Question>(q: Q): QuestionType<Q> {
  return questionTypes[q.type] as unknown as QuestionType<Q>;
}

export { fieldTypeOf } from './fields.js';
export {
  checkItem,
  groupBaseId,
  groupFields,
  groupGapItems,
  groupItems,
  isGroup,
  itemNames,
  itemsSummary,
  named,
  numberDuplicates,
  type GroupGap,
  type GroupQuestion,
} from './group.js';
