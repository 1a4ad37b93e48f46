#!/usr/bin/env python3
"""Score a CSV with a Scorecard model.json, the way the Java scorer does, with the standard library only.

    python3 score_model.py model.json data.csv [--out scored.csv] [--reasons 4]
                           [--reason-baseline max|mean] [--id COL ...] [--ignore-checksum]

Loading does what the Java loader does: it checks `format` and `formatVersion`, recomputes the
checksum from the model's canonical bytes (see docs/model-format.md), and scores every verification
row, refusing a model that does not reproduce them. Scoring writes the columns `scorecard score`
writes: the --id columns, score, probability, score10, grade, reason1..N, warnings. A row that the
Java scorer would reject (text in a numeric column, an unseen level under the `reject` policy, a
row with the wrong number of fields) is reported on standard error and left out, as `scorecard score`
moves it to its rejects file.

The script is an example of reading the format in another language, kept in step with the Java
scorer by examples/src/test/java/dev/scorecard/examples/PythonReaderParityTest.java.
"""

import argparse
import csv
import hashlib
import json
import math
import re
import sys

FORMAT = "scorecard-model"
FORMAT_VERSION = 1

# Members the writer writes as integers (JSON numbers without a fraction); every other number is a double.
INTEGER_MEMBERS = {"formatVersion", "count", "rows", "events", "rowsRead", "rowsRejected", "trainRows",
                   "testRows", "seed", "elseBin", "missingBin"}

# The strict number grammar of the Java scorer: ASCII digits, optional sign, fraction and exponent.
NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?\Z")


class ModelError(Exception):
    """The model file is not one this reader can score with."""


class RowRejected(Exception):
    """The row cannot be scored (the Java scorer sends it to the rejects file)."""


# ---------------------------------------------------------------------------- canonical bytes

def format_double(d):
    """The text the Java writer gives a double: the shortest that reads back, plain between 1e-6 and 1e15."""
    if d == 0:
        return "-0" if math.copysign(1.0, d) < 0 else "0"
    if d == math.floor(d) and abs(d) < 1e15:
        return str(int(d))
    text = repr(abs(d))  # Python's repr is the shortest round-trip text as well
    mantissa, _, exp = text.partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits = (whole + fraction).lstrip("0")
    leading_zeros = len(whole + fraction) - len(digits)
    exponent = (int(exp) if exp else 0) + len(whole) - 1 - leading_zeros
    digits = digits.rstrip("0")
    sign = "-" if d < 0 else ""
    if -6 <= exponent < 15:
        if exponent < 0:
            return sign + "0." + "0" * (-exponent - 1) + digits
        head = digits[:exponent + 1].ljust(exponent + 1, "0")
        tail = digits[exponent + 1:]
        return sign + head + ("." + tail if tail else "")
    return sign + digits[0] + ("." + digits[1:] if len(digits) > 1 else "") + "e" + str(exponent)


def quote(s):
    """A JSON string as Jackson writes it: quote, backslash and control characters escaped, the rest UTF-8."""
    out = ['"']
    short = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
    for c in s:
        if c in short:
            out.append(short[c])
        elif ord(c) < 0x20:
            out.append("\\u%04X" % ord(c))
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def canonical(value, indent=0, member=None):
    """The writer's layout: two spaces per level, scalar arrays on one line, arrays of objects one per line."""
    pad = "  " * (indent + 1)
    if isinstance(value, dict):
        if not value:
            return "{}"
        entries = [pad + quote(k) + ": " + canonical(v, indent + 1, k) for k, v in value.items()]
        return "{\n" + ",\n".join(entries) + "\n" + "  " * indent + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        if isinstance(value[0], (dict, list)):
            return "[\n" + ",\n".join(pad + canonical(v, indent + 1, member) for v in value) + "\n" + "  " * indent + "]"
        return "[" + ", ".join(canonical(v, indent, member) for v in value) + "]"
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return quote(value)
    if member in INTEGER_MEMBERS:
        return str(int(value))
    return format_double(float(value))


def checksum_of(model):
    """SHA-256 of the canonical bytes: the model as the writer lays it out, without its checksum member."""
    body = {k: v for k, v in model.items() if k != "checksum"}
    return hashlib.sha256((canonical(body) + "\n").encode("utf-8")).hexdigest()


# ---------------------------------------------------------------------------- the model

def bound(v):
    return -math.inf if v == "-inf" else math.inf if v == "inf" else float(v)


class Characteristic:
    def __init__(self, c):
        self.name = c["name"]
        self.numeric = c["type"] == "numeric"
        self.coefficient = float(c["coefficient"])
        self.neutral_points = float(c["neutralPoints"])
        self.bins = c["bins"]
        self.points = [float(b["points"]) for b in self.bins]
        self.woe = [float(b["woe"]) for b in self.bins]
        self.labels = [b["label"] for b in self.bins]
        # Where a missing value goes: the regular bin binning merged the missing values into, when the
        # characteristic names one (missingBin); else its bin of kind missing; else none (scored neutrally).
        self.missing_bin = c.get("missingBin")
        if self.missing_bin is None:
            self.missing_bin = next((i for i, b in enumerate(self.bins) if b["kind"] == "missing"), None)
        elif not (isinstance(self.missing_bin, int) and 0 <= self.missing_bin < len(self.bins)
                  and self.bins[self.missing_bin]["kind"] in ("regular", "else")
                  and all(b["kind"] != "missing" for b in self.bins)):
            raise ModelError("characteristic '%s': missingBin %r is not one of its regular bins, or it also has"
                             " a missing bin" % (self.name, self.missing_bin))
        self.else_bin = next((i for i, b in enumerate(self.bins) if b["kind"] == "else"), None)
        # Regular numeric bins come first and tile the line: the bin of v is the number of cuts <= v.
        self.cuts = [bound(b["lower"]) for b in self.bins
                     if b["kind"] == "regular" and self.numeric and bound(b["lower"]) != -math.inf]
        self.specials = {}
        self.levels = {}
        for i, b in enumerate(self.bins):
            for v in b.get("specialValues", []):
                self.specials[float(v)] = i  # -0.0 and 0.0 are the same key
            for level in b.get("categories", []):
                self.levels[level] = i
        self.max_points = max(self.points)
        rows = sum(b["count"] for b in self.bins)
        weighted = 0.0
        for b in self.bins:
            weighted += b["count"] * float(b["points"])
        self.mean_points = weighted / rows if rows else self.max_points

    def bin_of(self, text, missing_tokens, unseen, warnings):
        """The bin index of a raw cell (None for missing), or "missing"/"unseen" for a value scored neutrally."""
        if text is None or text in missing_tokens:
            if self.missing_bin is not None:
                return self.missing_bin
            warnings.append("missing:" + self.name)
            return "missing"
        if self.numeric:
            if not NUMBER.match(text) or math.isinf(float(text)):
                raise RowRejected("column '%s': value '%s' is not a number" % (self.name, text))
            v = float(text)
            if v in self.specials:
                return self.specials[v]
            return sum(1 for cut in self.cuts if cut <= v)
        if text in self.levels:
            return self.levels[text]
        if self.else_bin is not None:
            return self.else_bin
        if unseen == "reject":
            raise RowRejected("column '%s': level '%s' was never seen in training and the model's unseen policy"
                              " is reject" % (self.name, text))
        warnings.append("unseen:%s=%s" % (self.name, text))
        return "unseen"


class Model:
    def __init__(self, doc, verify_checksum=True):
        if doc.get("format") != FORMAT:
            raise ModelError("this is not a scorecard model file: format is %r" % doc.get("format"))
        version = doc.get("formatVersion")
        if not isinstance(version, int) or version < 1 or version > FORMAT_VERSION:
            raise ModelError("model formatVersion %r is not supported (at most %d)" % (version, FORMAT_VERSION))
        if verify_checksum:
            found = doc.get("checksum")
            actual = checksum_of(doc)
            if found != actual:
                raise ModelError("checksum mismatch: the file says %s, its content hashes to %s" % (found, actual))
        self.base_points = float(doc["basePoints"])
        self.intercept = float(doc["intercept"])
        self.missing_tokens = set(doc["missingValues"])
        self.unseen = doc["unseen"]
        self.characteristics = [Characteristic(c) for c in doc["characteristics"]]
        self.grades = [(g["name"], bound(g["minScore"])) for g in doc["grades"]]
        self.score10_scores = [float(s) for s in doc["score10"]["scores"]]
        self.score10_shares = [float(s) for s in doc["score10"]["shares"]]
        self.verify(doc["verification"])

    def score(self, values, reasons=4, baseline="max"):
        """Scores one row: values maps a characteristic's name to its raw text (None for missing)."""
        warnings = []
        bins = [c.bin_of(values.get(c.name), self.missing_tokens, self.unseen, warnings)
                for c in self.characteristics]
        score = self.base_points
        eta = self.intercept
        points = []
        for c, b in zip(self.characteristics, bins):
            if isinstance(b, int):
                p = c.points[b]
                eta += c.coefficient * c.woe[b]
            else:
                p = c.neutral_points  # WOE 0: nothing added to the linear predictor
            points.append(p)
            score += p
        probability = 1 / (1 + math.exp(-eta)) if eta >= 0 else math.exp(eta) / (1 + math.exp(eta))
        grade = next((name for name, minimum in self.grades if score >= minimum), self.grades[-1][0])
        losses = [((c.max_points if baseline == "max" else c.mean_points) - p, k)
                  for k, (c, p) in enumerate(zip(self.characteristics, points))]
        picked = sorted((loss for loss in losses if loss[0] > 0), key=lambda t: (-t[0], t[1]))[:reasons]
        texts = []
        for _, k in picked:
            c, b = self.characteristics[k], bins[k]
            texts.append(c.name + ": " + (c.labels[b] if isinstance(b, int) else "Missing" if b == "missing"
                                          else "unseen"))
        return {"score": score, "probability": probability, "score10": self.score10(score), "grade": grade,
                "points": points, "reasons": texts, "warnings": warnings}

    def score10(self, score):
        """10 x the share of training rows scoring at most this score, to one decimal (Java's Math.round)."""
        share = 0.0
        for s, c in zip(self.score10_scores, self.score10_shares):
            if s > score:
                break
            share = c
        x = share * 100
        tenths = math.floor(x)
        if x - tenths >= 0.5:
            tenths += 1
        return tenths / 10

    def verify(self, cases):
        if not cases:
            raise ModelError("the model has no verification rows")
        for i, case in enumerate(cases, 1):
            try:
                r = self.score(case["inputs"])
            except RowRejected as e:
                raise ModelError("verification case %d cannot be scored: %s" % (i, e))
            expected = [float(p) for p in case["points"]]
            if r["score"] != float(case["score"]) or r["points"] != expected:
                problem = "score %s instead of %s" % (r["score"], case["score"])
            elif not abs(r["probability"] - case["probability"]) <= 1e-12:
                problem = "probability %r instead of %r" % (r["probability"], case["probability"])
            elif r["grade"] != case["grade"]:
                problem = "grade %s instead of %s" % (r["grade"], case["grade"])
            elif r["reasons"] != case["reasons"]:
                problem = "reasons %s instead of %s" % (r["reasons"], case["reasons"])
            else:
                continue
            raise ModelError("verification case %d does not reproduce: %s" % (i, problem))


def load(path, verify_checksum=True):
    def integer(text):
        return -0.0 if text == "-0" else int(text)  # "-0" is a double's sign, kept for the checksum
    with open(path, encoding="utf-8") as f:
        return Model(json.load(f, parse_int=integer), verify_checksum)


# ---------------------------------------------------------------------------- scoring a file

def probability_text(p):
    """As `scorecard score` writes it: rounded to 15 decimals, trailing zeros dropped."""
    scaled = math.floor(p * 1e15 + 0.5)
    if scaled == 0:
        return "0"
    if scaled >= 10 ** 15:
        return "1"
    return ("0.%015d" % scaled).rstrip("0")


def main(argv=None):
    parser = argparse.ArgumentParser(description="Score a CSV with a Scorecard model.json.")
    parser.add_argument("model")
    parser.add_argument("data")
    parser.add_argument("--out", help="the scored CSV (default: standard output)")
    parser.add_argument("--reasons", type=int, default=4)
    parser.add_argument("--reason-baseline", choices=["max", "mean"], default="max")
    parser.add_argument("--id", nargs="*", default=[], help="columns copied first into the output")
    parser.add_argument("--ignore-checksum", action="store_true")
    args = parser.parse_args(argv)
    try:
        model = load(args.model, not args.ignore_checksum)
    except (ModelError, KeyError, ValueError) as e:
        print("%s: %s" % (args.model, e), file=sys.stderr)
        return 2
    with open(args.data, newline="", encoding="utf-8-sig") as f:
        sample = f.read(64 * 1024)
        f.seek(0)
        first = sample.splitlines()[0] if sample else ""
        delimiter = max(",;\t|", key=first.count)
        rows = csv.reader(f, delimiter=delimiter)
        header = next(rows, None)
        if header is None:
            print("%s: the file is empty; a header row is required" % args.data, file=sys.stderr)
            return 2
        needed = [c.name for c in model.characteristics] + args.id
        absent = [n for n in needed if n not in header]
        if absent:
            print("%s: the header lacks %s" % (args.data, ", ".join(absent)), file=sys.stderr)
            return 2
        index = {name: header.index(name) for name in needed}
        out = open(args.out, "w", newline="", encoding="utf-8") if args.out else sys.stdout
        try:
            w = csv.writer(out, lineterminator="\n")
            w.writerow(args.id + ["score", "probability", "score10", "grade"]
                       + ["reason%d" % i for i in range(1, args.reasons + 1)] + ["warnings"])
            for row in rows:
                line = rows.line_num
                if len(row) != len(header):
                    print("row %d: expected %d fields, found %d" % (line, len(header), len(row)), file=sys.stderr)
                    continue
                try:
                    r = model.score({n: row[i] for n, i in index.items()}, args.reasons, args.reason_baseline)
                except RowRejected as e:
                    print("row %d: %s" % (line, e), file=sys.stderr)
                    continue
                reasons = r["reasons"] + [""] * (args.reasons - len(r["reasons"]))
                w.writerow([row[index[c]] for c in args.id]
                           + [format_double(r["score"]), probability_text(r["probability"]),
                              "%.1f" % r["score10"], r["grade"]] + reasons + [";".join(r["warnings"])])
        finally:
            if args.out:
                out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
