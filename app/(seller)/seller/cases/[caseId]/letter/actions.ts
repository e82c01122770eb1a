"use server";

import { defineAction } from "@/lib/actions/define-action";
import { saveLetterDraftInput, submitLetterInput } from "@/lib/letters/letter-input";
import { saveLetterDraft } from "@/lib/letters/save-letter-draft";
import { submitLetter } from "@/lib/letters/submit-letter";
import { SELLER_PATHS } from "@/lib/sellers/seller-paths";

/**
 * The seller's letter. The lib functions reach the case through the seller's own cases only, so
 * another seller's case id is not found and nothing is written.
 */

/** The autosave: it refreshes no page, so the server's state never resets what is being typed. */
export const saveLetterDraftAction = defineAction({
  name: "saveLetterDraft",
  input: saveLetterDraftInput,
  permission: "seller-portal:use",
  run: ({ actor, input, now }) => saveLetterDraft({ actor, input, now }),
});

export const submitLetterAction = defineAction({
  name: "submitLetter",
  input: submitLetterInput,
  permission: "seller-portal:use",
  run: async ({ actor, input, now }) => {
    const letter = await submitLetter({ actor, input, now });
    return { letterId: letter.letterId, version: letter.version, submittedAt: letter.submittedAt.toISOString() };
  },
  revalidate: (_letter, input) => [SELLER_PATHS.letter(input.caseId), SELLER_PATHS.case(input.caseId)],
});
