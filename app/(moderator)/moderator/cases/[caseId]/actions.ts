"use server";

import { defineAction } from "@/lib/actions/define-action";
import { addCaseNote } from "@/lib/cases/add-case-note";
import { answerLetter } from "@/lib/cases/answer-letter";
import { assignCase } from "@/lib/cases/assign-case";
import {
  addCaseNoteInput,
  answerLetterInput,
  assignCaseInput,
  decideFakeReviewInput,
  extendCaseInput,
  reinstateCaseInput,
} from "@/lib/cases/case-input";
import { decideFakeReview } from "@/lib/cases/decide-fake-review";
import { extendCase } from "@/lib/cases/extend-case";
import { reinstateCase } from "@/lib/cases/reinstate-case";

/** The pages that show a case: its own, the queues, and the moderator's home. */
const casePaths = ({ caseId }: { caseId: number }) => [
  "/moderator",
  `/moderator/cases/${caseId}`,
  "/moderator/cases",
  "/moderator/letters",
];

export const reinstateCaseAction = defineAction({
  name: "reinstateCase",
  input: reinstateCaseInput,
  permission: "cases:decide",
  run: async (params) => ({ caseId: (await reinstateCase(params)).case.id }),
  revalidate: casePaths,
  deliversAfterResponse: true,
});

export const extendCaseAction = defineAction({
  name: "extendCase",
  input: extendCaseInput,
  permission: "cases:decide",
  run: async (params) => ({ caseId: (await extendCase(params)).case.id }),
  revalidate: casePaths,
  deliversAfterResponse: true,
});

export const answerLetterAction = defineAction({
  name: "answerLetter",
  input: answerLetterInput,
  permission: "letters:answer",
  run: async (params) => ({ caseId: (await answerLetter(params)).caseId }),
  revalidate: casePaths,
  deliversAfterResponse: true,
});

export const assignCaseAction = defineAction({
  name: "assignCase",
  input: assignCaseInput,
  permission: "cases:decide",
  run: async (params) => ({ caseId: (await assignCase(params)).id }),
  revalidate: casePaths,
});

export const addCaseNoteAction = defineAction({
  name: "addCaseNote",
  input: addCaseNoteInput,
  permission: "cases:view-all",
  run: async (params) => ({ caseId: (await addCaseNote(params)).caseId }),
  revalidate: casePaths,
});

export const decideFakeReviewAction = defineAction({
  name: "decideFakeReview",
  input: decideFakeReviewInput,
  permission: "fake-reviews:decide",
  run: async (params) => {
    await decideFakeReview(params);
    return { caseId: params.input.caseId };
  },
  revalidate: casePaths,
});
