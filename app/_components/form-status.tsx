/**
 * What a form says above its fields: what went wrong (an alert, with the problems the reader
 * cannot see beside a field), or that it worked (a status).
 */
export function FormStatus({
  error,
  problems,
  success,
}: {
  error?: string | null | false;
  problems?: readonly string[];
  success?: string | null | false;
}) {
  return (
    <>
      {error && (
        <div className="form-error" role="alert">
          <p>{error}</p>
          {problems && problems.length > 0 && (
            <ul>
              {problems.map((problem, index) => (
                <li key={index}>{problem}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {success && (
        <p className="form-success" role="status">
          {success}
        </p>
      )}
    </>
  );
}
