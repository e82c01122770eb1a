"use server";

import { defineAction } from "@/lib/actions/define-action";
import { dismissFlagInput, openCaseFromFlagInput, openCaseManuallyInput } from "@/lib/cases/case-input";
import { dismissFlag } from "@/lib/cases/dismiss-flag";
import { openCaseFromFlag, openCaseManually } from "@/lib/cases/open-case";

const OPENED_CASE_PATHS = ["/moderator", "/moderator/flags", "/moderator/cases"];

export const openCaseFromFlagAction = defineAction({
  name: "openCaseFromFlag",
  input: openCaseFromFlagInput,
  permission: "flags:triage",
  run: async (params) => ({ caseId: (await openCaseFromFlag(params)).case.id }),
  revalidate: () => OPENED_CASE_PATHS,
  deliversAfterResponse: true,
});

export const openCaseManuallyAction = defineAction({
  name: "openCaseManually",
  input: openCaseManuallyInput,
  permission: "cases:decide",
  run: async (params) => ({ caseId: (await openCaseManually(params)).case.id }),
  revalidate: () => OPENED_CASE_PATHS,
  deliversAfterResponse: true,
});

export const dismissFlagAction = defineAction({
  name: "dismissFlag",
  input: dismissFlagInput,
  permission: "flags:triage",
  run: async (params) => ({ flagId: (await dismissFlag(params)).id }),
  revalidate: () => ["/moderator", "/moderator/flags"],
});
