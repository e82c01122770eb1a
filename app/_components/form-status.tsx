/** What a form says above its fields: what went wrong (an alert), or that it worked (a status). */
export function FormStatus({ error, success }: { error?: string | null | false; success?: string | null | false }) {
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {success && (
        <p className="form-success" role="status">
          {success}
        </p>
      )}
    </>
  );
}
