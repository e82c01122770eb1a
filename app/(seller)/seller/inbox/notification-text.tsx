import type { NotificationBlock } from "@/lib/notifications/render-notification";

/** A notification's blocks (lib/notifications/render-notification.ts) as the inbox shows them. */
export function NotificationText({ blocks }: { blocks: NotificationBlock[] }) {
  return (
    <>
      {blocks.map((block, index) => {
        switch (block.kind) {
          case "paragraph":
            return <p key={index}>{block.text}</p>;
          case "list":
            return (
              <div key={index}>
                <p className="cell-strong">{block.heading}</p>
                <ul>
                  {block.items.map((item, itemIndex) => (
                    <li key={itemIndex}>{item}</li>
                  ))}
                </ul>
              </div>
            );
          case "quote":
            return (
              <figure key={index}>
                <figcaption className="cell-strong">{block.heading}</figcaption>
                <blockquote style={{ whiteSpace: "pre-wrap" }}>{block.text}</blockquote>
              </figure>
            );
        }
      })}
    </>
  );
}
