import { ClassType, Directive, Field, Int, ObjectType } from "type-graphql";
import { BadUserInputError } from "../../errors/errors";
import { DEFAULT_PAGE_SIZE } from "../../config/pagination";

@Directive("@shareable")
@ObjectType("PageInfo", { simpleResolvers: true, description: "Where a page sits in the whole list (Relay cursor connections)." })
export class PageInfo {
  @Field({ description: "True when more items follow this page." })
  hasNextPage: boolean;
  @Field({ description: "True when items precede this page." })
  hasPreviousPage: boolean;
  @Field(() => String, { nullable: true, description: "Cursor of the first edge of the page." })
  startCursor: string | null;
  @Field(() => String, { nullable: true, description: "Cursor of the last edge: pass it as `after` for the next page." })
  endCursor: string | null;
}

/**
 * Cursors are opaque to clients; inside they hold an offset in the ordered list. The reference
 * data changes only on import, so offsets are stable between pages in practice.
 */
const CURSOR_PREFIX = "offset:";
export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`, "utf8").toString("base64url");
}
export function decodeCursor(cursor: string | undefined | null): number {
  if (cursor === undefined || cursor === null) return -1;
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const offset = text.startsWith(CURSOR_PREFIX) ? Number(text.slice(CURSOR_PREFIX.length)) : NaN;
  if (!Number.isInteger(offset) || offset < 0) {
    throw new BadUserInputError(`after must be a cursor received from this API (received "${cursor}")`);
  }
  return offset;
}

/** Offset and limit of the page that `first`/`after` ask for. */
export function pageWindow(first: number | undefined | null, after: string | undefined | null) {
  return { offset: decodeCursor(after) + 1, size: first ?? DEFAULT_PAGE_SIZE };
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** Builds the edges and pageInfo from a page fetched with one extra row (to learn hasNextPage). */
export function toPage<T>(rowsPlusOne: T[], offset: number, size: number) {
  const nodes = rowsPlusOne.slice(0, size);
  const edges: Edge<T>[] = nodes.map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
  const pageInfo: PageInfo = {
    hasNextPage: rowsPlusOne.length > size,
    hasPreviousPage: offset > 0,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  };
  return { edges, pageInfo };
}

/** A Relay connection type for `Node`; `totalCount` runs its query only when asked for. */
export function ConnectionType<TNode extends object>(name: string, Node: ClassType<TNode>, what: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `One ${what} in a page, with its cursor.` })
  class EdgeType {
    @Field({ description: "Opaque position of this edge; pass it as `after` to continue after it." })
    cursor: string;
    @Field(() => Node, { description: `The ${what}.` })
    node: TNode;
  }

  /** Abstract: the concrete class names the GraphQL type (`@ObjectType("EpciConnection", { simpleResolvers: true })`). */
  @ObjectType({ simpleResolvers: true })
  abstract class ConnectionClass {
    @Field(() => [EdgeType], { description: "The items of this page, in order." })
    edges: EdgeType[];
    @Field(() => PageInfo, { description: "Position of this page in the whole list." })
    pageInfo: PageInfo;
    /** Counts the whole filtered list; called only if the client selects totalCount. */
    countAll: () => Promise<number>;

    @Field(() => Int, { description: "Number of items in the whole list (all pages)." })
    totalCount(): Promise<number> {
      return this.countAll();
    }

    static of<C extends ConnectionClass>(
      this: new () => C,
      rowsPlusOne: TNode[],
      offset: number,
      size: number,
      countAll: () => Promise<number>,
    ): C {
      const connection = new this();
      Object.assign(connection, toPage(rowsPlusOne, offset, size));
      connection.countAll = countAll;
      return connection;
    }
  }
  return ConnectionClass;
}
