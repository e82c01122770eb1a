/** A real HTTP server on a free local port that records the webhook requests it receives. */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedWebhook = { headers: http.IncomingHttpHeaders; body: string; id: string; type: string; sellerId: string };
export type WebhookReply = { status: number; body?: string; delayMs?: number };

export type WebhookReceiver = {
  url: string;
  received: ReceivedWebhook[];
  /** How to answer a request; by default 200. */
  reply: (request: ReceivedWebhook) => WebhookReply;
  close: () => Promise<void>;
};

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const receiver: WebhookReceiver = {
    url: "",
    received: [],
    reply: () => ({ status: 200 }),
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const envelope = JSON.parse(body) as { id: string; type: string; data: { sellerId: string } };
      const webhook = { headers: request.headers, body, id: envelope.id, type: envelope.type, sellerId: envelope.data.sellerId };
      receiver.received.push(webhook);
      const answer = receiver.reply(webhook);
      setTimeout(
        () => response.writeHead(answer.status, { "Content-Type": "text/plain" }).end(answer.body ?? ""),
        answer.delayMs ?? 0,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/catalog-guard`;
  return receiver;
}
