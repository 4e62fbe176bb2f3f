import { describe, expect, it } from "vitest";
import { latestOnly } from "./latestOnly";

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("latestOnly", () => {
  it("runs one at a time and only the newest waiting argument", async () => {
    const started: string[] = [];
    const gates: (() => void)[] = [];
    const render = latestOnly(async (body: string) => {
      started.push(body);
      const gate = deferred();
      gates.push(gate.resolve);
      await gate.promise;
    });
    const done: string[] = [];
    const a = render("a").then(() => done.push("a"));
    const b = render("ab").then(() => done.push("ab"));
    const c = render("abc").then(() => done.push("abc"));
    await Promise.resolve();
    expect(started).toEqual(["a"]);
    gates[0]?.();
    await a;
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual(["a", "abc"]);
    gates[1]?.();
    await Promise.all([b, c]);
    expect(started).toEqual(["a", "abc"]);
    expect(done).toEqual(["a", "ab", "abc"]);
  });

  it("keeps going after a failed run", async () => {
    const seen: number[] = [];
    const run = latestOnly(async (n: number) => {
      seen.push(n);
      if (n === 1) throw new Error("boom");
    });
    await run(1);
    await run(2);
    expect(seen).toEqual([1, 2]);
  });
});
