import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger, QueryRunner } from "typeorm";

/** The SQL statements one request issued, in order. Lives exactly as long as its request. */
export class SqlStatementLog {
  readonly statements: string[] = [];
  get count(): number {
    return this.statements.length;
  }
  /** Count statements that read data, ignoring transaction control (BEGIN, COMMIT, SAVEPOINT…). */
  get dataStatementCount(): number {
    return this.statements.filter((s) => !/^\s*(BEGIN|START TRANSACTION|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(s)).length;
  }
}

/**
 * The log of the request being served. TypeORM's logger is process-wide, so it finds the
 * current request through async context: everything a request starts (resolvers, DataLoader
 * batches, in-process subgraph calls) runs inside `runWithSqlLog`.
 */
const currentLog = new AsyncLocalStorage<SqlStatementLog>();

export function runWithSqlLog<T>(log: SqlStatementLog, fn: () => T): T {
  return currentLog.run(log, fn);
}

export function currentSqlLog(): SqlStatementLog | undefined {
  return currentLog.getStore();
}

/** Listeners told about every statement, e.g. metrics or tracing. */
export type SqlStatementListener = (sql: string) => void;
const listeners = new Set<SqlStatementListener>();
export function onSqlStatement(listener: SqlStatementListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** TypeORM logger that records statements into the current request's log; errors go to stderr. */
export class SqlStatementLogger implements Logger {
  logQuery(query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    currentLog.getStore()?.statements.push(query);
    for (const listener of listeners) listener(query);
  }
  logQueryError(error: string | Error, query: string): void {
    if (process.env.LOG_SQL_ERRORS === "1") process.stderr.write(`SQL error: ${String(error)} in ${query}\n`);
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(level: "log" | "info" | "warn", message: unknown): void {
    if (level === "warn") process.stderr.write(`typeorm: ${String(message)}\n`);
  }
}
