import fs from "node:fs";
import { SingleBar } from "cli-progress";

/** Reports how far a file import has read: a bar on a terminal, a line every few seconds otherwise (logs, CI). */
export interface ImportProgress {
  /** The `onProgress` hook of readCsv: rows read so far and bytes read so far. */
  update: (rows: number, bytesRead: number) => void;
  /** Final line, once the file is read. */
  stop: () => void;
}

export interface ProgressOptions {
  /** Where the bar goes. Default process.stderr, so that the summary on stdout stays clean. */
  stream?: NodeJS.WriteStream | NodeJS.WritableStream;
  /** Seconds between two lines when the stream is not a terminal. Default 2. */
  everySeconds?: number;
}

/**
 * A progress bar over the file's bytes (the only total known before the end of a stream), with the
 * rows read, the reading rate in rows per second and the estimated time left.
 */
export function fileProgress(file: string, label: string, options: ProgressOptions = {}): ImportProgress {
  const total = Math.max(1, fs.statSync(file).size);
  const started = Date.now();
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted}`,
    stream: options.stream ?? process.stderr,
    noTTYOutput: true,
    notTTYSchedule: (options.everySeconds ?? 2) * 1000,
    etaBuffer: 50,
    hideCursor: true,
  });
  bar.start(total, 0, { rows: 0, rate: 0 });
  const payload = (rows: number) => {
    const seconds = (Date.now() - started) / 1000;
    return { rows: rows.toLocaleString("en-US"), rate: seconds > 0 ? Math.round(rows / seconds).toLocaleString("en-US") : "…" };
  };
  let lastRows = 0;
  return {
    update: (rows, bytesRead) => {
      lastRows = rows;
      bar.update(Math.min(bytesRead, total), payload(rows));
    },
    stop: () => {
      bar.update(total, payload(lastRows));
      bar.stop();
    },
  };
}
