import { describe, expect, it } from "vitest";
import { isoDate, newDateTime, parseDateTime, respellDate, timeValue, today, withDate, withTime, zoneLabel } from "./datetime";

describe("a date-time's own spelling", () => {
  it("changes the time and keeps Jekyll's spaced date and +0100 zone", () => {
    expect(withTime("2025-02-01 10:30:00 +0100", "11:45")).toBe("2025-02-01 11:45:00 +0100");
    expect(withTime("2025-02-01 10:30:00 +0100", "11:45:07")).toBe("2025-02-01 11:45:07 +0100");
    expect(withTime("2025-02-01 10:30 +0100", "11:45")).toBe("2025-02-01 11:45 +0100");
    expect(withTime("2025-02-01 10:30", "08:05")).toBe("2025-02-01 08:05");
  });

  it("keeps Hugo's T, the Z or ±HH:MM zone, and TOML local date-times", () => {
    expect(withTime("2025-02-01T10:30:00Z", "11:45")).toBe("2025-02-01T11:45:00Z");
    expect(withTime("2025-02-01T10:30:00+01:00", "23:59:59")).toBe("2025-02-01T23:59:59+01:00");
    expect(withTime("2025-02-01T10:30:00", "11:45")).toBe("2025-02-01T11:45:00");
    expect(withTime("2025-02-01t10:30:00z", "11:45")).toBe("2025-02-01t11:45:00z");
    expect(withTime("2025-02-01T10:30:00-05", "11:45")).toBe("2025-02-01T11:45:00-05");
  });

  it("keeps a fraction's digits, a one-digit hour and a one-digit date", () => {
    expect(withTime("2025-02-01T10:30:00.250Z", "11:45")).toBe("2025-02-01T11:45:00.250Z");
    expect(withTime("2025-02-01 9:30:00", "08:15")).toBe("2025-02-01 8:15:00");
    expect(withTime("2025-02-01 9:30:00", "14:15")).toBe("2025-02-01 14:15:00");
    expect(withTime("2025-2-1 10:30:00 +01:00", "12:00")).toBe("2025-2-1 12:00:00 +01:00");
    expect(withDate("2025-2-1 10:30:00 +01:00", "2025-03-09")).toBe("2025-3-9 10:30:00 +01:00");
    expect(withDate("2025-2-1 10:30:00 +01:00", "2025-11-12")).toBe("2025-11-12 10:30:00 +01:00");
    expect(withDate("2025-02-01T10:30:00Z", "2024-12-31")).toBe("2024-12-31T10:30:00Z");
  });

  it("gives the controls their values", () => {
    const p = parseDateTime("2025-2-1 9:30 +0100");
    expect(p).not.toBeNull();
    if (p === null) return;
    expect(isoDate(p.date)).toBe("2025-02-01");
    expect(timeValue(p)).toBe("09:30");
    expect(zoneLabel(p.zone)).toBe("UTC+01:00");
    const withSeconds = parseDateTime("2025-02-01T10:30:05.5Z");
    expect(withSeconds === null ? null : timeValue(withSeconds)).toBe("10:30:05");
    expect(zoneLabel("Z")).toBe("UTC");
    expect(zoneLabel("-5")).toBe("UTC-05:00");
    expect(zoneLabel("")).toBe("");
  });

  it("refuses what is not a date and time", () => {
    expect(parseDateTime("2025-02-01")).toBeNull();
    expect(parseDateTime("2025-02-30 10:00:00")).toBeNull();
    expect(parseDateTime("2025-02-01 25:00")).toBeNull();
    expect(parseDateTime("tomorrow at ten")).toBeNull();
    expect(withTime("2025-02-01 10:30:00", "noon")).toBeNull();
    expect(withDate("2025-02-01 10:30:00", "1/2/2025")).toBeNull();
  });
});

describe("dates", () => {
  it("reads dates written with one digit and writes them back so", () => {
    expect(isoDate("2025-2-1")).toBe("2025-02-01");
    expect(isoDate("2025-02-29")).toBeNull();
    expect(isoDate("2024-02-29")).toBe("2024-02-29");
    expect(respellDate("2025-2-1", "2025-12-05")).toBe("2025-12-5");
    expect(respellDate("2025-02-01", "2025-12-05")).toBe("2025-12-05");
  });

  it("starts an empty field with a spelling every generator reads, in the editor's zone", () => {
    const now = new Date(2025, 1, 1, 9, 5, 42);
    const offset = -now.getTimezoneOffset();
    const sign = offset < 0 ? "-" : "+";
    const zone = `${sign}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0")}:${String(Math.abs(offset) % 60).padStart(2, "0")}`;
    expect(newDateTime(now)).toBe(`2025-02-01T09:05:00${zone}`);
    expect(parseDateTime(newDateTime(now))).not.toBeNull();
    expect(today(now)).toBe("2025-02-01");
  });
});
