import type { ReactNode } from "react";

/** Every page's h1, with an optional line that says what the page is for. */
export function PageHeading({ title, intro, children }: { title: string; intro?: ReactNode; children?: ReactNode }) {
  return (
    <div className="page-heading">
      <div>
        <h1>{title}</h1>
        {intro && <p className="lead">{intro}</p>}
      </div>
      {children}
    </div>
  );
}
