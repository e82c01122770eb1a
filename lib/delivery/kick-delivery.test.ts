import { afterEach, describe, expect, test, vi } from "vitest";

const deliverDueOutboxEvents = vi.fn();
const sendPendingNotificationEmails = vi.fn();
vi.mock("@/lib/delivery/deliver-outbox", () => ({ deliverDueOutboxEvents }));
vi.mock("@/lib/delivery/send-notification-emails", () => ({ sendPendingNotificationEmails }));

const { kickDelivery, runDeliveryPass } = await import("@/lib/delivery/kick-delivery");

afterEach(() => {
  vi.resetAllMocks();
});

describe("kicking delivery after a change", () => {
  test("never throws into the caller, whatever fails", async () => {
    deliverDueOutboxEvents.mockRejectedValue(new Error("database gone"));
    sendPendingNotificationEmails.mockRejectedValue(new Error("smtp gone"));
    await expect(kickDelivery()).resolves.toBeUndefined();
    expect(deliverDueOutboxEvents).toHaveBeenCalledTimes(1);
    expect(sendPendingNotificationEmails).toHaveBeenCalledTimes(1);
  });

  test("a pass sends e-mail even when the webhook step fails, then reports the failure", async () => {
    deliverDueOutboxEvents.mockRejectedValue(new Error("database gone"));
    sendPendingNotificationEmails.mockResolvedValue({ status: "not-configured", skipped: 2 });
    await expect(runDeliveryPass(new Date())).rejects.toThrow("database gone");
    expect(sendPendingNotificationEmails).toHaveBeenCalledTimes(1);
  });

  test("kicks while a pass runs make one more pass after it, not one each", async () => {
    let release: () => void = () => {};
    deliverDueOutboxEvents.mockImplementation(
      () => new Promise((resolve) => (release = () => resolve({ status: "not-configured" }))),
    );
    sendPendingNotificationEmails.mockResolvedValue({ status: "not-configured", skipped: 0 });

    const kicks = [kickDelivery(), kickDelivery(), kickDelivery()];
    await vi.waitFor(() => expect(deliverDueOutboxEvents).toHaveBeenCalledTimes(1));
    release();
    await vi.waitFor(() => expect(deliverDueOutboxEvents).toHaveBeenCalledTimes(2));
    release();
    await Promise.all(kicks);
    expect(deliverDueOutboxEvents).toHaveBeenCalledTimes(2);
  });
});
