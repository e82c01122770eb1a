"use server";

import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/action-result";
import type { dismissFlagInput, openCaseFromFlagInput, openCaseManuallyInput } from "@/lib/cases/case-input";
import { dismissFlag } from "@/lib/cases/dismiss-flag";
import { openCaseFromFlag, openCaseManually } from "@/lib/cases/open-case";
import { runCaseAction } from "@/lib/cases/run-case-action";

export async function openCaseFromFlagAction(
  input: z.input<typeof openCaseFromFlagInput>,
): Promise<ActionResult<{ caseId: number }>> {
  return runCaseAction(
    "openCaseFromFlag",
    "flags:triage",
    async (actor, now) => ({ caseId: (await openCaseFromFlag({ actor, input, now })).case.id }),
    () => ["/moderator/flags", "/moderator/cases"],
  );
}

export async function openCaseManuallyAction(
  input: z.input<typeof openCaseManuallyInput>,
): Promise<ActionResult<{ caseId: number }>> {
  return runCaseAction(
    "openCaseManually",
    "cases:decide",
    async (actor, now) => ({ caseId: (await openCaseManually({ actor, input, now })).case.id }),
    () => ["/moderator/flags", "/moderator/cases"],
  );
}

export async function dismissFlagAction(input: z.input<typeof dismissFlagInput>): Promise<ActionResult<{ flagId: number }>> {
  return runCaseAction(
    "dismissFlag",
    "flags:triage",
    async (actor, now) => ({ flagId: (await dismissFlag({ actor, input, now })).id }),
    () => ["/moderator/flags"],
  );
}
