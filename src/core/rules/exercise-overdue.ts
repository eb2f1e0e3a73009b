import type { Rule } from '../types.js';
import { fieldPosition } from './position.js';

export const rule: Rule = {
  id: 'exercise-overdue',
  defaultSeverity: 'warn',
  description: "A runbook's last drill or tabletop exercise is older than its exercise_cycle.",
  tags: ['date', 'exercise'],
  scope: 'document',
  checkDocument(doc, { today, label }) {
    if (doc.lifecycle !== 'active' || !doc.exerciseCycle) return [];
    if (!doc.lastExercised) {
      if (doc.fields?.last_exercised !== undefined) return []; // a bad date is the schema rule's to report
      return [{ ...fieldPosition(doc, '/exercise_cycle'), message: `never exercised: "${label('exercise_cycle')}" is set but "${label('last_exercised')}" is missing; run a drill and record its date` }];
    }
    const due = doc.record.next_exercise;
    if (!due || due >= today) return [];
    return [{ ...fieldPosition(doc, '/last_exercised'), message: `exercise overdue since ${due} (last exercised ${doc.lastExercised}, cycle ${doc.exerciseCycle.text}): run a drill or tabletop and update "${label('last_exercised')}"` }];
  },
};
