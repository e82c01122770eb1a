import Link from "next/link";

/** A queue's seller column: the shop's name (a link to the seller view, when given) over the marketplace's id. */
export function SellerCell(props: { name: string; externalId: string; href?: string }) {
  return (
    <td>
      {props.href ? (
        <Link href={props.href} className="cell-strong">
          {props.name}
        </Link>
      ) : (
        <span className="cell-strong">{props.name}</span>
      )}
      <br />
      <code className="muted">{props.externalId}</code>
    </td>
  );
}
