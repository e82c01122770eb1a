"use server";

import { defineAction } from "@/lib/actions/define-action";
import { markNotificationRead } from "@/lib/notifications/mark-notification-read";
import { markNotificationReadInput } from "@/lib/notifications/notification-input";

/** The lib function finds the notification among the signed-in seller's own only. */
export const markNotificationReadAction = defineAction({
  name: "markNotificationRead",
  input: markNotificationReadInput,
  permission: "seller-portal:use",
  run: async ({ actor, input, now }) => {
    const { id } = await markNotificationRead({ actor, notificationId: input.notificationId, now });
    return { id };
  },
  revalidate: () => ["/seller/inbox"],
});
