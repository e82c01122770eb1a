import { z } from "zod";

/** One schema per input, shared by the inbox's button and the server, which validates again. */
export const markNotificationReadInput = z.object({
  notificationId: z.number({ message: "Unknown message" }).int("Unknown message").positive("Unknown message"),
});
export type MarkNotificationReadInput = z.input<typeof markNotificationReadInput>;
