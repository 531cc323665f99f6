import { type AfterQueryEvent, type EntitySubscriberInterface, EventSubscriber, type Logger, type QueryRunner } from "typeorm";

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

/** What a listener may return: called once the statement has run, with its error if it failed. */
export type SqlStatementEnd = (error?: unknown) => void;

/**
 * Listeners told about every statement as it starts (metrics, tracing). `engine` is TypeORM's driver type: "better-sqlite3" or "postgres".
 */
export type SqlStatementListener = (sql: string, engine: string) => SqlStatementEnd | void;
const listeners = new Set<SqlStatementListener>();
export function onSqlStatement(listener: SqlStatementListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Ends waiting for their statement, keyed by what TypeORM hands both to the logger (at the
 * start) and to subscribers (at the end): the statement's parameter array, which each call
 * creates anew, or the query runner when there are no parameters (a runner runs one statement
 * at a time). A queue per key keeps the pairing right even if a key is ever shared.
 */
const pendingEnds = new WeakMap<object, SqlStatementEnd[][]>();
const endKey = (parameters: unknown, queryRunner: unknown): object | undefined =>
  Array.isArray(parameters) ? parameters : typeof queryRunner === "object" && queryRunner !== null ? queryRunner : undefined;

/**
 * Tells the listeners about a statement that starts now; returns what they want called when it
 * ends. TypeORM's statements come through the logger below; statements sent straight to a pool
 * (src/db/sql-dialect.ts) call it themselves. The request's log is kept by `sql()`.
 */
export function statementStarted(query: string, engine: string): SqlStatementEnd[] {
  const ends: SqlStatementEnd[] = [];
  for (const listener of listeners) {
    const end = listener(query, engine);
    if (end) ends.push(end);
  }
  return ends;
}

/** TypeORM logger that tells the listeners about every statement; errors go to stderr. */
export class SqlStatementLogger implements Logger {
  logQuery(query: string, parameters?: unknown[], queryRunner?: QueryRunner): void {
    const ends = statementStarted(query, queryRunner?.connection.options.type ?? "unknown");
    const key = endKey(parameters, queryRunner);
    if (ends.length === 0 || !key) return;
    const queue = pendingEnds.get(key);
    if (queue) queue.push(ends);
    else pendingEnds.set(key, [ends]);
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

/** The other half of SqlStatementLogger: TypeORM tells subscribers when a statement has run. */
@EventSubscriber()
export class SqlStatementEndSubscriber implements EntitySubscriberInterface {
  afterQuery(event: AfterQueryEvent): void {
    const key = endKey(event.parameters, event.queryRunner);
    const queue = key && pendingEnds.get(key);
    if (!queue) return;
    const ends = queue.shift();
    if (queue.length === 0) pendingEnds.delete(key);
    for (const end of ends ?? []) end(event.success ? undefined : event.error);
  }
}
