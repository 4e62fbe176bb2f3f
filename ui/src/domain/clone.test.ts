import { expect, it } from "vitest";
import { byteSize } from "./clone";

it("sizes in the units people know", () => {
  expect(byteSize(850)).toBe("850 B");
  expect(byteSize(12_345)).toBe("12.3 kB");
  expect(byteSize(4_500_000)).toBe("4.5 MB");
});
