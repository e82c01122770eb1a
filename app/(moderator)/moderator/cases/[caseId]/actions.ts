"use server";

import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/action-result";
import { addCaseNote } from "@/lib/cases/add-case-note";
import { answerLetter } from "@/lib/cases/answer-letter";
import { assignCase } from "@/lib/cases/assign-case";
import type {
  AddCaseNoteInput,
  AnswerLetterInput,
  assignCaseInput,
  decideFakeReviewInput,
  ExtendCaseInput,
  ReinstateCaseInput,
} from "@/lib/cases/case-input";
import { decideFakeReview } from "@/lib/cases/decide-fake-review";
import { extendCase } from "@/lib/cases/extend-case";
import { reinstateCase } from "@/lib/cases/reinstate-case";
import { runCaseAction } from "@/lib/cases/run-case-action";

const casePaths = (caseId: number) => [`/moderator/cases/${caseId}`, "/moderator/cases", "/moderator/letters"];
type Done = { caseId: number };

export async function reinstateCaseAction(input: ReinstateCaseInput): Promise<ActionResult<Done>> {
  return runCaseAction(
    "reinstateCase",
    "cases:decide",
    async (actor, now) => ({ caseId: (await reinstateCase({ actor, input, now })).case.id }),
    (done) => casePaths(done.caseId),
  );
}

export async function extendCaseAction(input: ExtendCaseInput): Promise<ActionResult<Done>> {
  return runCaseAction(
    "extendCase",
    "cases:decide",
    async (actor, now) => ({ caseId: (await extendCase({ actor, input, now })).case.id }),
    (done) => casePaths(done.caseId),
  );
}

export async function answerLetterAction(input: AnswerLetterInput): Promise<ActionResult<Done>> {
  return runCaseAction(
    "answerLetter",
    "letters:answer",
    async (actor, now) => ({ caseId: (await answerLetter({ actor, input, now })).caseId }),
    (done) => casePaths(done.caseId),
  );
}

export async function assignCaseAction(input: z.input<typeof assignCaseInput>): Promise<ActionResult<Done>> {
  return runCaseAction(
    "assignCase",
    "cases:decide",
    async (actor, now) => ({ caseId: (await assignCase({ actor, input, now })).id }),
    (done) => casePaths(done.caseId),
  );
}

export async function addCaseNoteAction(input: AddCaseNoteInput): Promise<ActionResult<Done>> {
  return runCaseAction(
    "addCaseNote",
    "cases:view-all",
    async (actor, now) => ({ caseId: (await addCaseNote({ actor, input, now })).caseId }),
    (done) => casePaths(done.caseId),
  );
}

export async function decideFakeReviewAction(input: z.input<typeof decideFakeReviewInput>): Promise<ActionResult<Done>> {
  return runCaseAction(
    "decideFakeReview",
    "fake-reviews:decide",
    async (actor, now) => {
      await decideFakeReview({ actor, input, now });
      return { caseId: Number(input.caseId) };
    },
    (done) => casePaths(done.caseId),
  );
}
