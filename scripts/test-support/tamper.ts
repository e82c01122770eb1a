import postgres from "postgres";

/** Runs a statement on a privileged connection that bypasses triggers, as an attacker with database access would. */
export async function tamperWithDatabase(statement: string) {
  const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    await admin.begin(async (tx) => {
      await tx.unsafe("set local session_replication_role = replica");
      await tx.unsafe(statement);
    });
  } finally {
    await admin.end();
  }
}
