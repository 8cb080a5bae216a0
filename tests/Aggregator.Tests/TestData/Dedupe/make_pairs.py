#!/usr/bin/env python3
"""Builds pairs.jsonl, the labelled cross-source dedupe set, from the hand-written stories and pair
specifications beside it. Run from this folder: python3 make_pairs.py > pairs.jsonl

The operations below are what sources really do to one wire story: their own dateline or
"讯" prefix, full-width digits, corner quotes, bylines and editor lines, a cut to the first
sentences, an added paragraph. They are applied as written in the specs, never by chance."""
import json
from datetime import datetime, timedelta

from zh_stories import ZH
from en_stories import EN
from zh_dups import ZH_DUPS
from en_dups import EN_DUPS
from zh_negatives import ZH_NEG
from en_negatives import EN_NEG
from late_pairs import LATE

NAMES = {"cls": "财联社", "stcn": "证券时报网", "wallstreetcn": "华尔街见闻", "sina": "新浪财经",
         "eastmoney": "东方财富网", "yicai": "第一财经", "reuters": "Reuters", "bloomberg": "Bloomberg",
         "marketwatch": "MarketWatch", "cnbc": "CNBC", "wsj": "WSJ", "ft": "Financial Times"}
MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
FULL = {c: chr(ord(c) + 0xFEE0) for c in "0123456789%.ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"}


def fullwidth(text):
    return "".join(FULL.get(c, c) for c in text)


def sentences(text, n):
    out, cur = [], ""
    for i, c in enumerate(text):
        cur += c
        if c == "。" or (c == "." and i + 1 < len(text) and text[i + 1] == " " and not cur[-3:-1].isupper()):
            out.append(cur.strip())
            cur = ""
    if cur.strip():
        out.append(cur.strip())
    sep = "" if any("\u4e00" <= ch <= "\u9fff" for ch in text) else " "
    return sep.join(out[:n])


def apply_body(body, ops, when):
    md = f"{when.month}月{when.day}日"
    for op in ops:
        name, _, arg = op.partition(":")
        if name == "first":
            body = sentences(body, int(arg))
        elif name == "cls":
            body = f"【财联社{md}讯】" + body
        elif name == "cls_dian":
            body = f"财联社{md}电，" + body
        elif name == "stcn":
            body = "证券时报网讯，" + body
        elif name == "stcn_e":
            body = "证券时报e公司讯，" + body
        elif name == "wscn":
            body = "华尔街见闻获悉，" + body
        elif name == "sina":
            body = "新浪财经讯 " + body
        elif name == "fw":
            body = fullwidth(body)
        elif name == "byline":
            body = body + f"（{arg}）"
        elif name == "editor":
            body = body + f"\n责任编辑：{arg}"
        elif name == "source_tail":
            body = body + f"（文章来源：{arg}）"
        elif name == "extra":
            body = body + "\n" + arg
        elif name == "reuters":
            body = f"{arg}, {MONTHS[when.month - 1]} {when.day} (Reuters) - " + body
        elif name == "bloomberg":
            body = "(Bloomberg) -- " + body
        elif name == "reuters_tail":
            by, ed = arg.split("|")
            body = body + f" (Reporting by {by}; Editing by {ed})"
        elif name == "bbg_tail":
            body = body + f"\n--With assistance from {arg}."
        else:
            raise ValueError(op)
    return body


def apply_title(title, ops, when):
    for op in ops:
        name, _, arg = op.partition(":")
        if name == "kuaixun":
            title = "快讯：" + title
        elif name == "bracket":
            title = f"【{arg}】" + title
        elif name == "cls_bracket":
            title = f"【财联社{when.month}月{when.day}日讯】" + title
        elif name == "fw":
            title = fullwidth(title)
        elif name == "update":
            title = f"UPDATE {arg}-" + title
        elif name == "brief":
            title = "BRIEF-" + title
        elif name == "suffix":
            title = title + f" - {arg}"
        else:
            raise ValueError(op)
    return title


def side_from_story(stories, key, spec):
    title, body, at = stories[key]
    when = datetime.fromisoformat(at) + timedelta(minutes=spec.get("dt", 0))
    title = apply_title(spec.get("title", title), spec.get("t", []), when)
    body = apply_body(spec.get("body", body), spec.get("o", []), when)
    return {"source": NAMES[spec["src"]], "title": title, "body": body, "published": when.isoformat()}


def side(stories, spec):
    if "story" in spec:
        return side_from_story(stories, spec["story"], spec)
    return {"source": NAMES[spec["src"]], "title": spec["title"], "body": spec["body"],
            "published": datetime.fromisoformat(spec["at"]).isoformat()}


def main():
    rows = []
    for lang, stories, dups, negs in (("zh", ZH, ZH_DUPS, ZH_NEG), ("en", EN, EN_DUPS, EN_NEG)):
        for i, (key, kind, a, b) in enumerate(dups, 1):
            rows.append({"id": f"{lang}-dup-{i:03}", "lang": lang, "label": "duplicate", "kind": kind,
                         "a": side_from_story(stories, key, a), "b": side_from_story(stories, key, b)})
        for i, (kind, a, b) in enumerate(negs, 1):
            rows.append({"id": f"{lang}-diff-{i:03}", "lang": lang, "label": "different", "kind": kind,
                         "a": side(stories, a), "b": side(stories, b)})
    late = {}
    for lang, label, kind, a, b in LATE:
        n = late[lang, label] = late.get((lang, label), 0) + 1
        rows.append({"id": f"{lang}-late-{'dup' if label == 'duplicate' else 'diff'}-{n:03}", "lang": lang, "label": label,
                     "kind": kind, "a": side({}, a), "b": side({}, b)})
    for row in rows:
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
