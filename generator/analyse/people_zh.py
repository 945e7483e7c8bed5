"""People named in Chinese script, only where the article gives strong evidence.

A name is what jieba's tagger marks as a personal name (chinese.py), and it counts only with a
role word of generator/data/people.yml `chinese_roles` right before it ("指令长翟志刚", the longest
role that fits: "中国国家主席胡锦涛" gives 国家主席), or a head of `chinese_roles_after` right after
it at the start of a clause ("布什总统说"). A transliterated foreign name runs on over its
separators ("迪米特里.康德拉特耶夫"); a one-character surname the tagger split from its given name
("邢|印芝") is joined to it. Everything else in Chinese script is left out: a name the tagger
guesses with no role beside it is no evidence (it tags places and companies as names too).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from ..model import Article, Block, Organization, Person
from ..read import name_id
from . import patterns
from .chinese import (
    Word,
    alternation,
    ends_with_any,
    han_only,
    is_name_word,
    matches_any,
    words,
)
from .lexicon import people_lexicon
from .sentences import load_data, str_list

# Parts of speech that never continue a name: conjunctions, prepositions, particles, verbs,
# adverbs, pronouns, numerals, measure words, punctuation, locatives, time words.
_NOT_NAME = ("c", "p", "u", "v", "d", "r", "m", "q", "x", "y", "e", "f", "t", "w", "a")
_BRACKETED = patterns.compile(r"\s*[（(]([A-Za-z][A-Za-z .'’-]*[A-Za-z.])[）)]")
_CLAUSE_OPENERS = "，。；：、！？,;:!? \n“「（("


@dataclass(frozen=True)
class _Rules:
    roles: tuple[str, ...]
    roles_after: tuple[str, ...]
    separators: tuple[str, ...]
    prefixes: tuple[str, ...]
    org_suffixes: tuple[str, ...] = ()


@cache
def _rules() -> _Rules:
    data = load_data("people.yml")
    return _Rules(
        roles=str_list(data.get("chinese_roles")),
        roles_after=str_list(data.get("chinese_roles_after")),
        separators=str_list(data.get("chinese_name_separators")),
        prefixes=str_list(data.get("chinese_role_prefixes")),
        org_suffixes=str_list(data.get("chinese_org_suffixes")),
    )


def _continues(word: Word) -> bool:
    return han_only(word.text) and not word.flag.startswith(_NOT_NAME)


def _name_from(tokens: tuple[Word, ...], i: int) -> tuple[str, int] | None:
    """The name that starts at tokens[i] (a name word) and the index after it, or None."""
    separators = _rules().separators
    first = tokens[i]
    if not han_only(first.text):
        return None
    parts = [first.text]
    j = i + 1
    split = len(first.text) == 1 and j < len(tokens) and _continues(tokens[j])
    # "邢|印芝": a surname and the given name split off; "卢比|奥|说": a last syllable
    if (split and len(tokens[j].text) <= 2) or _last_syllable(tokens, j):
        parts.append(tokens[j].text)
        j += 1
    while j < len(tokens) and tokens[j].text.strip() in separators:
        k = j + 1
        while k < len(tokens) and not tokens[k].text.strip():  # "凯瑟琳. 科尔曼"
            k += 1
        if k >= len(tokens) or not _continues(tokens[k]):
            break
        parts.extend(t.text for t in tokens[j:k])  # the separator as written, and its space
        while k < len(tokens) and _continues(tokens[k]):
            parts.append(tokens[k].text)
            k += 1
        j = k
    name = "".join(parts)
    letters = sum(1 for c in name if han_only(c))
    return (name, j) if 2 <= letters <= 16 else None


def _opens_with_surname(name: str) -> bool:
    """Whether a name in Chinese script opens with a Chinese surname (data/surnames_first.txt:
    "徐", "欧阳")."""
    surnames = people_lexicon().surnames_first
    return len(name) >= 2 and (name[0] in surnames or name[:2] in surnames)


def _last_syllable(tokens: tuple[Word, ...], j: int) -> bool:
    """Whether tokens[j] is one character that jieba split off the end of a transliterated
    name as an abbreviation (flag j: "卢比|奥" of 卢比奥, Rubio), right before a verb or a mark."""
    if j >= len(tokens) or len(tokens[j].text) != 1 or tokens[j].flag != "j":
        return False
    return j + 1 >= len(tokens) or tokens[j + 1].flag.startswith(("v", "x", "p", "uj"))


def _role_before(text: str, start: int, name: str = "") -> str | None:
    """The role word right before `start`, with a prefix such as 前 (former) kept; or before
    a 的 that joins the role to `name` when that opens with a Chinese surname ("部门负责人的
    徐洛文": the head of the department, Xu; not "很多工程师的座右铭", jieba's name)."""
    role = ends_with_any(text, start, _rules().roles)
    if role is None and start > 1 and text[start - 1] == "的" and _opens_with_surname(name):
        start -= 1
        role = ends_with_any(text, start, _rules().roles)
    if role is None:
        return None
    prefix = ends_with_any(text, start - len(role), _rules().prefixes)
    return (prefix or "") + role


def _role_after(text: str, end: int) -> str | None:
    return matches_any(text, end, _rules().roles_after)


def _joined_title(text: str, token: Word) -> tuple[str, str] | None:
    """ "布什总统" as one dictionary word at the start of a clause: the name and its head."""
    head = ends_with_any(token.text, len(token.text), _rules().roles_after)
    prefix = token.text[: -len(head)] if head else ""
    opens = token.start == 0 or text[token.start - 1] in _CLAUSE_OPENERS
    if not head or len(prefix) < 2 or not han_only(prefix) or not opens:
        return None
    alone = words(prefix)
    return (prefix, head) if len(alone) == 1 and is_name_word(alone[0]) else None


def _found_in(text: str) -> list[tuple[str, str]]:
    """(name, role) for every name with a role beside it in one block's text."""
    tokens = words(text)
    found: list[tuple[str, str]] = []
    named_at: set[int] = set()  # where a name found with its role starts
    for i, token in enumerate(tokens):
        joined = _joined_title(text, token)
        if joined is not None:
            found.append(joined)
            continue
        if not is_name_word(token):
            continue
        named = _name_from(tokens, i)
        if named is None:
            continue
        name, after = named
        role = _role_before(text, token.start, name)
        if role is None:
            end = tokens[after - 1].end
            head = _role_after(text, end)
            opens = token.start == 0 or text[token.start - 1] in _CLAUSE_OPENERS
            following = next((t for t in tokens[after:] if t.start >= end + len(head or "")), None)
            if head and opens and not (following and is_name_word(following)):
                role = head  # "布什总统说", not "特斯拉首席执行官马斯克"
        if role is not None:
            found.append((name, role))
            named_at.add(token.start)
    for match in _role_pattern().finditer(text):
        if match.end() in named_at:
            continue
        loose = _name_after_role(text[match.end() : match.end() + _LOOK_AHEAD])
        written = _role_before(text, match.end())
        if loose is not None and written is not None:
            found.append((loose, written))
    return found


@cache
def _role_pattern() -> re.Pattern[str]:
    return patterns.compile(alternation(_rules().roles))


# What jieba may tag a foreign or uncommon name as, right after a role word: a place (普京), a
# name of another kind (纳克), an abbreviation (苏); a one-character noun only as a surname it
# split off (岸|田文雄).
_LOOSE_NAME = ("ns", "nz", "j")
_BOUNDARY = ("v", "p", "t", "x", "c", "d", "u", "f", "r")
_LOOK_AHEAD = 20  # characters after a role word read again on their own


def _name_after_role(following: str) -> str | None:
    """The name the characters right after a role word begin with, when jieba, reading them
    on their own, splits a name off them (the block's own segmentation may have joined the
    role's last character to the name: "國務|卿布|林肯"), else None."""
    tokens = words(following)
    if not tokens or not han_only(tokens[0].text) or tokens[0].flag.startswith("u"):
        return None  # a particle opens no name ("负责人的徐洛文": 的)
    if is_name_word(tokens[0]):
        named = _name_from(tokens, 0)
        return named[0] if named else None
    parts: list[str] = []
    for i, token in enumerate(tokens):
        loose = token.flag in _LOOSE_NAME or is_name_word(token)
        if not han_only(token.text) or not (loose or (i == 0 and len(token.text) == 1)):
            break
        parts.append(token.text)
    name = "".join(parts)
    after = tokens[len(parts)] if len(parts) < len(tokens) else None
    if parts and after is not None and after.text.strip() in _rules().separators:
        # "首席技术官凯文·斯科特": a transliterated name runs on over its separator
        named = _name_from(tokens, 0)
        if named is not None and named[1] > len(parts) + 1:
            next_word = tokens[named[1]] if named[1] < len(tokens) else None
            if next_word is None or next_word.flag.startswith(_BOUNDARY):
                return named[0]
    ends = after is None or after.flag.startswith(_BOUNDARY)
    tagged = any(is_name_word(t) or t.flag in _LOOSE_NAME for t in tokens[: len(parts)])
    return name if 2 <= len(name) <= 4 and ends and tagged else None


def _surname(name: str) -> str | None:
    """The last part of a transliterated name ("科尔曼" of "凯瑟琳. 科尔曼"), else None."""
    for separator in _rules().separators:
        if separator in name:
            return name.rsplit(separator, 1)[1].strip() or None
    return None


def _latin_twin(name: str, story: tuple[Block, ...], known: tuple[Person, ...]) -> Person | None:
    """The person of `known` whose Latin name the article writes in brackets right after the
    Chinese one ("马里奥·迪亚兹-巴拉特（Mario Diaz-Balart）"), else None."""
    for block in story:
        at = block.text.find(name)
        while at >= 0:
            after = _BRACKETED.match(block.text, at + len(name))
            if after:
                latin = " ".join(after.group(1).split())
                for person in known:
                    if latin in (person.name, *person.aliases):
                        return person
            at = block.text.find(name, at + 1)
    return None


# A transliterated name in Chinese script (its parts joined by a separator) with a Latin name in
# brackets right after it: "奈杰尔·英克斯特(Nigel Inkster)".
_TRANSLITERATED = patterns.compile(
    r"(?P<zh>[\u4e00-\u9fff]+(?:[·•・．.\-－][\u4e00-\u9fff]+)+)\s*[（(]"
    r"(?P<latin>[A-Za-z][A-Za-z .'’-]*[A-Za-z.])[）)]"
)


def _lead(first: str) -> str:
    """The first part of a transliterated name from the run of characters before its first
    separator: after a role word ("顾问奈杰尔" → "奈杰尔"), the whole run when it is short,
    else jieba's last word of it."""
    for end in range(len(first) - 1, 0, -1):
        if ends_with_any(first, end, _rules().roles):
            return first[end:]
    return first if len(first) <= 4 else words(first)[-1].text


def _with_latin_aliases(story: tuple[Block, ...], people: list[Person]) -> list[Person]:
    """The English rules' people, each with the Chinese form of its name the article writes
    before its Latin name in brackets, and that form's last part ("英克斯特": what later
    sentences call him), as aliases."""
    separators = "".join(_rules().separators)
    for block in story:
        for match in _TRANSLITERATED.finditer(block.text):
            latin = " ".join(match.group("latin").split())
            found = next((p for p in people if latin in (p.name, *p.aliases)), None)
            if found is None:
                continue
            first = re.split(f"[{re.escape(separators)}]", match.group("zh"), maxsplit=1)[0]
            name = _lead(first) + match.group("zh")[len(first) :]
            surname = re.split("[·•・．.]", name)[-1]  # "迪亚兹-巴拉特" keeps its hyphen
            new = [a for a in (name, surname) if a not in (found.name, *found.aliases)]
            if new:
                mentioned = {*found.blocks, *(b.id for b in story if any(a in b.text for a in new))}
                people[people.index(found)] = replace(
                    found,
                    aliases=(*found.aliases, *new),
                    blocks=tuple(b.id for b in story if b.id in mentioned),
                )
    return people


def _with_latin_roles(story: tuple[Block, ...], people: list[Person]) -> list[Person]:
    """The English rules' people with the Chinese role written right before their Latin name
    ("DuckDB Labs 首席执行官 Mark Raasveldt 说": 首席执行官), a space between them or none."""
    for at, person in enumerate(people):
        found: list[str] = []
        for block in story:
            for form in (person.name, *(a for a in person.aliases if " " in a)):
                for match in re.finditer(re.escape(form), block.text):
                    start = len(block.text[: match.start()].rstrip(" "))
                    role = _role_before(block.text, start)
                    if role is not None and role not in (*person.roles, *found):
                        found.append(role)
        if found:
            people[at] = replace(person, roles=(*person.roles, *found))
    return people


def find_people_zh(article: Article, known: tuple[Person, ...] = ()) -> tuple[Person, ...]:
    """`known` (the English rules' people) and the people named in Chinese script with a role
    beside them, in order of appearance. A Chinese name with a known person's Latin name in
    brackets after it is that person's: an alias, its role added."""
    story = article.story_blocks
    roles: dict[str, list[str]] = {}
    for block in story:
        for name, role in _found_in(block.text):
            listed = roles.setdefault(name, [])
            if role not in listed:
                listed.append(role)
    taken = {p.id for p in known}
    merged = _with_latin_roles(story, _with_latin_aliases(story, list(known)))
    people: list[Person] = []
    for name, role_list in roles.items():
        twin = _latin_twin(name, story, tuple(merged))
        if twin is not None:
            index = merged.index(twin)
            extra_roles = tuple(r for r in role_list if r not in twin.roles)
            mentioned = {*twin.blocks, *(b.id for b in story if name in b.text)}
            merged[index] = replace(
                twin,
                aliases=twin.aliases if name in twin.aliases else (*twin.aliases, name),
                roles=(*twin.roles, *extra_roles),
                blocks=tuple(b.id for b in story if b.id in mentioned),
            )
            continue
        pid = name_id(name)
        if pid in taken:
            continue
        taken.add(pid)
        surname = _surname(name)
        aliases = tuple(
            a for a in (surname,) if a and any(a in b.text.replace(name, "") for b in story)
        )
        forms = (name, *aliases)
        blocks = tuple(b.id for b in story if any(f in b.text for f in forms))
        people.append(Person(pid, name, aliases, tuple(role_list), blocks=blocks))
    return tuple(_with_age(story, p) for p in (*merged, *people))


_AGE_MAX = 120


def _with_age(story: tuple[Block, ...], person: Person) -> Person:
    """The age the story gives a person in Chinese, when it gives one and only one: right after
    a form of the name (a bracketed Latin name and a comma between allowed: "李明（Li Ming）今年
    35 岁", "Altman，38 岁，"), or before it with at most a role between ("35 岁的工程师李明");
    not "李明的女儿今年 5 岁" (someone else's), nor an age at an event ("苏利文19岁因滑雪事故致残":
    the clause goes on after 岁)."""
    if person.age is not None:
        return person
    found: set[int] = set()
    for form in (person.name, *person.aliases):
        if len(form) < 2:
            continue
        name = re.escape(form)
        after = patterns.compile(
            rf"{name}(?:\s*[（(][^）)]{{1,40}}[）)])?\s*[，,]?\s*(?:今年|现年|年仅)?\s*(\d{{1,3}})\s*岁(?=[，,。；;、）)]|\s|$)",
            keep=False,  # one article's names
        )
        before = patterns.compile(
            rf"(?<!\d)(\d{{1,3}})\s*岁的[^，。！？、；：\s]{{0,8}}{name}", keep=False
        )
        for block in story:
            for pattern in (after, before):
                found.update(int(m.group(1)) for m in pattern.finditer(block.text))
    found = {a for a in found if 0 < a <= _AGE_MAX}
    return replace(person, age=found.pop()) if len(found) == 1 else person


_LEADING = ("p", "c", "d", "u", "r", "v", "m", "t")  # 从, 在, 也 … before the organization
_ORG_RUN_ENDS = "，。；：、！？,;:!?\n“”「」（）()《》"
# A Latin-script organization before a Chinese role: "OpenAI", "DuckDB Labs" (capitalised words).
_LATIN_ORG = patterns.compile(r"[A-Z][\w&.\-]*(?: [A-Z0-9][\w&.\-]*){0,3}")
# Tags of a word an organization's opening words never end on: places, times, numbers, verbs,
# prepositions, particles, adverbs, conjunctions, punctuation.
_NOT_ORG_END = ("ns", "t", "m", "v", "p", "u", "d", "c", "x", "f", "r", "q")


def _organization_before(
    text: str, role_start: int, story: tuple[str, ...], names: set[str]
) -> str | None:
    """The organization written right before a role (see people.yml `chinese_org_suffixes`):
    the words back to the clause's start, or their opening words the story names again."""
    end = len(text[:role_start].rstrip(" "))
    lo = end
    while lo > 0 and text[lo - 1] not in _ORG_RUN_ENDS:
        lo -= 1
    run = text[lo:end].strip()
    if not run or run in names:
        return None
    latin = run[:-1].rstrip() if run.endswith("的") else run
    if _LATIN_ORG.fullmatch(latin) and latin not in names:
        return latin  # "OpenAI 首席执行官 Sam Altman", "Jane Street 的工程师 Ron Minsky"
    tokens = list(words(run))
    joins = [i for i, t in enumerate(tokens) if t.flag.startswith("c") or not t.text.strip()]
    if joins:  # "科尔曼以及欧洲宇航局的": the words after the last conjunction
        tokens = tokens[joins[-1] + 1 :]
    while tokens and tokens[0].flag.startswith(_LEADING):
        tokens.pop(0)  # "从国际奥委会主席罗格": 从 opens the clause, not the name
    head, de, tail = "".join(t.text for t in tokens).rpartition("的")
    before_de = False  # "……的首席执行官": only a name that ends as one may stand there
    if de and head and all(t.flag.startswith("ns") for t in words(tail)):
        tokens = list(words(head))  # "欧洲宇航局的意大利宇航员": the agency, then a nationality
        before_de = not tail
    run = "".join(t.text for t in tokens)
    if not tokens or run in names or not han_only(run):
        return None
    if len(tokens) == 1 and tokens[0].flag == "nt":
        return run  # "中国外交部"
    if any(run.endswith(suffix) for suffix in _rules().org_suffixes):
        return run if not tokens[0].flag.startswith("ns") or len(tokens) > 1 else None
    if before_de or tokens[0].flag.startswith(("ns", "t", "m")):
        return None  # "美国参议员", "加拿大温哥华市的市长": a place, no organization
    for size in range(len(tokens), 0, -1):
        opening = "".join(t.text for t in tokens[:size])
        if len(opening) < 2 or any(t.flag.startswith(_NOT_ORG_END) for t in tokens[:size]):
            continue  # "公司在新的": a clause, no name
        alone = _as_words(story, opening)
        if alone > _as_words(story, run) or (size == len(tokens) and alone > 1):
            return opening  # named again on its own ("谷歌首席执行官", and 谷歌 elsewhere)
    return None


def _as_words(story: tuple[str, ...], form: str) -> int:
    """How often the story writes `form` as whole words (jieba's): "残奥" inside "残奥会" is
    not."""
    count = 0
    for text in story:
        if form not in text:
            continue
        bounds = {0, *(t.end for t in words(text))}
        at = text.find(form)
        while at >= 0:
            count += at in bounds and at + len(form) in bounds
            at = text.find(form, at + 1)
    return count


def _role_start(text: str, start: int) -> int | None:
    """Where the role right before `start` (spaces allowed between) begins, else None."""
    end = len(text[:start].rstrip(" "))
    role = _role_before(text, end, text[start : start + 4])
    if role is None:
        return None
    end -= 1 if text[end - 1] == "的" and not text[:end].endswith(role) else 0
    return end - len(role)


def with_organizations_zh(
    article: Article, people: tuple[Person, ...], organizations: tuple[Organization, ...]
) -> tuple[tuple[Person, ...], tuple[Organization, ...]]:
    """Each person's organization written right before the role written right before a form
    of the name, added to the person and to the article's organizations (a known one by its
    name or alias, else a new one)."""
    story = article.story_blocks
    whole = tuple(b.text for b in story)
    names = {f for p in people for f in (p.name, *p.aliases)}
    orgs = list(organizations)
    out: list[Person] = []
    for person in people:
        found: list[str] = []
        for form in dict.fromkeys((person.name, *person.aliases)):  # in order: deterministic
            if len(form) < 2:
                continue
            for block in story:
                at = block.text.find(form)
                while at >= 0:
                    role_start = _role_start(block.text, at)
                    if role_start is not None:
                        name = _organization_before(block.text, role_start, whole, names)
                        if name and name not in found:
                            found.append(name)
                    at = block.text.find(form, at + 1)
        ids = list(person.organizations)
        for name in found:
            org = next((o for o in orgs if name in (o.name, *o.aliases)), None)
            if org is None:
                blocks = tuple(b.id for b in story if name in b.text)
                org = Organization(name_id(name), name, (), blocks)
                if any(o.id == org.id for o in orgs):
                    continue
                orgs.append(org)
            if org.id not in ids:
                ids.append(org.id)
        out.append(
            replace(person, organizations=tuple(ids))
            if len(ids) > len(person.organizations)
            else person
        )
    return tuple(out), tuple(orgs)
