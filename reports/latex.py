r"""Statements as printed, made safe for pdfLaTeX: text escaping, unicode mapping, math checking, verbatim fallback.

Overview
    The spec prints each claim as Markdown-like text with LaTeX math (``$...$``, ``$$...$$``), unicode (“ ” – — …
    ≈ ≤ × χ ₀ ²), ``\tag``, ``\text``, ``\boldsymbol``, ``\llbracket`` and the like. :func:`statement_to_latex` turns
    such a string into a LaTeX fragment that compiles with the packages of Debian's ``texlive-latex-base`` and
    ``texlive-latex-recommended`` only, and never drops anything:

    * text is escaped (``_ & % # $ { } ~ ^ \ < > |``), straight quotes become TeX quotes, ``- item`` lines get a
      bullet, ``*emphasis*`` and ``**bold**`` are kept;
    * every non-ASCII character becomes an ASCII LaTeX command that works in text and in math mode (so the .tex is
      pure ASCII), with combining accents applied to their base letter;
    * each math segment is checked token by token (known commands, balanced braces, ``\left``/``\right`` pairs,
      known environments, ``&`` and ``\\`` only where an alignment allows them); ``\tag{n}`` becomes a printed
      ``(n)``; a segment that fails the check is shown verbatim (typewriter, escaped) with the reason, never lost.

Key functions
    :func:`escape_text`, :func:`sanitize_math`, :func:`statement_to_latex`, :func:`math_display`,
    :func:`verbatim`, :func:`inline_text`.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["escape_text", "sanitize_math", "statement_to_latex", "math_display", "verbatim", "inline_text",
           "Untypesettable", "PREAMBLE_MACROS", "tex_ascii"]


class Untypesettable(ValueError):
    """A math string that the checker cannot guarantee to compile; carries the reason."""


# --- unicode ------------------------------------------------------------------------------------------------------
# Each value works both in text and in math mode (\ensuremath / \text wrappers), so the same table serves both.
_GREEK = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "varepsilon", "ϵ": "epsilon", "ζ": "zeta",
    "η": "eta", "θ": "theta", "ϑ": "vartheta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu", "µ": "mu",
    "ν": "nu", "ξ": "xi", "π": "pi", "ϖ": "varpi", "ρ": "rho", "ϱ": "varrho", "σ": "sigma", "ς": "varsigma",
    "τ": "tau", "υ": "upsilon", "φ": "varphi", "ϕ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega",
    "Γ": "Gamma", "Δ": "Delta", "Θ": "Theta", "Λ": "Lambda", "Ξ": "Xi", "Π": "Pi", "Σ": "Sigma", "Υ": "Upsilon",
    "Φ": "Phi", "Ψ": "Psi", "Ω": "Omega", "Ω": "Omega", "ο": "o",
}
_GREEK_LATIN = {"Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
                "Ο": "O", "Ρ": "P", "Τ": "T", "Χ": "X", "Υ": "Y"}
_MATH_SYMBOLS = {
    "−": "-", "×": r"\times", "·": r"\cdot", "⋅": r"\cdot", "∙": r"\cdot", "÷": r"\div", "±": r"\pm", "∓": r"\mp",
    "≤": r"\le", "≥": r"\ge", "≦": r"\le", "≧": r"\ge", "≠": r"\neq", "≈": r"\approx", "≃": r"\simeq",
    "≅": r"\cong", "≡": r"\equiv", "∼": r"\sim", "∝": r"\propto", "≪": r"\ll", "≫": r"\gg", "⋘": r"\lll",
    "∞": r"\infty", "∂": r"\partial", "∇": r"\nabla", "∫": r"\int", "∬": r"\iint", "∭": r"\iiint", "∮": r"\oint",
    "∑": r"\sum", "∏": r"\prod", "√": r"\surd", "∈": r"\in", "∉": r"\notin", "∋": r"\ni", "⊂": r"\subset",
    "⊃": r"\supset", "⊆": r"\subseteq", "⊇": r"\supseteq", "∪": r"\cup", "∩": r"\cap", "⊕": r"\oplus",
    "⊗": r"\otimes", "∀": r"\forall", "∃": r"\exists", "∅": r"\emptyset", "¬": r"\neg", "∧": r"\wedge",
    "∨": r"\vee", "→": r"\to", "←": r"\leftarrow", "↔": r"\leftrightarrow", "⇒": r"\Rightarrow",
    "⇐": r"\Leftarrow", "⇔": r"\Leftrightarrow", "⟶": r"\longrightarrow", "↦": r"\mapsto", "↑": r"\uparrow",
    "↓": r"\downarrow", "⟨": r"\langle", "⟩": r"\rangle", "〈": r"\langle", "〉": r"\rangle", "‖": r"\|",
    "∥": r"\parallel", "⊥": r"\perp", "∘": r"\circ", "∗": r"\ast", "†": r"\dagger", "‡": r"\ddagger",
    "′": r"{}^{\prime}", "″": r"{}^{\prime\prime}", "‴": r"{}^{\prime\prime\prime}", "ℏ": r"\hbar", "ℓ": r"\ell",
    "ℝ": r"\mathbb{R}", "ℤ": r"\mathbb{Z}", "ℂ": r"\mathbb{C}", "ℕ": r"\mathbb{N}", "ℚ": r"\mathbb{Q}",
    "ℜ": r"\Re", "ℑ": r"\Im", "ℒ": r"\mathcal{L}", "ℋ": r"\mathcal{H}", "⋯": r"\cdots", "⋮": r"\vdots",
    "⋱": r"\ddots", "□": r"\Box", "△": r"\triangle", "∠": r"\angle", "°": r"^{\circ}", "½": r"\tfrac{1}{2}",
    "¼": r"\tfrac{1}{4}", "¾": r"\tfrac{3}{4}", "⅓": r"\tfrac{1}{3}", "∖": r"\setminus", "⊊": r"\subsetneq",
    "∣": r"\mid", "⋆": r"\star", "≔": r":=", "∎": r"\blacksquare", "⟦": r"[\![", "⟧": r"]\!]",
}
_SUP = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵗᵀᵃᵇᶜᵈᵉᵏᵐᵒᵖʳˢᵘᵛˣ", "0123456789+-=()nitTabcdekmoprsuvx"))
_SUB = dict(zip("₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜᵢⱼᵣᵤᵥ", "0123456789+-=()aeoxhklmnpstijruv"))
_TEXT_SYMBOLS = {
    "“": "``", "”": "''", "„": ",,", "‘": "`", "’": "'", "‚": ",", "«": r"\guillemotleft{}",
    "»": r"\guillemotright{}", "–": r"\textendash{}", "—": r"\textemdash{}", "‐": "-", "‑": "-", "‒": "-",
    "…": r"\ldots{}", "§": r"\S{}", "¶": r"\P{}", "©": r"\textcopyright{}", "®": r"\textregistered{}",
    "™": r"\texttrademark{}", "•": r"\textbullet{}", "\u00a0": "~", "\u2009": r"\,", "\u202f": r"\,",
    "\u2002": " ", "\u2003": r"\quad{}", "\u2007": "~", "\u200a": r"\,", "ß": r"\ss{}", "æ": r"\ae{}",
    "Æ": r"\AE{}", "ø": r"\o{}", "Ø": r"\O{}", "œ": r"\oe{}", "Œ": r"\OE{}", "ł": r"\l{}", "Ł": r"\L{}",
    "ı": r"\i{}", "Å": r"\AA{}", "å": r"\aa{}", "✓": "v", "✗": "x", "\u2212": "-",
}
_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u00ad"}  # zero-width: no glyph to keep
# combining mark -> (text accent, math accent)
_COMBINING = {
    "\u0300": ("`", "grave"), "\u0301": ("'", "acute"), "\u0302": ("^", "hat"), "\u0303": ("~", "tilde"),
    "\u0304": ("=", "bar"), "\u0305": ("=", "bar"), "\u0306": ("u", "breve"), "\u0307": (".", "dot"),
    "\u0308": ('"', "ddot"), "\u030a": ("r", "mathring"), "\u030c": ("v", "check"), "\u0327": ("c", None),
    "\u20d7": (None, "vec"), "\u0332": (None, "underline"),
}


def _uni(ch: str, mode: str) -> str:
    """LaTeX for one non-ASCII character. ``mode``: "text" (plain text), "math" (inside math; must also work inside
    a ``\\text`` argument, so math symbols are wrapped in ``\\ensuremath`` and text symbols in ``\\text``)."""
    if ch in _INVISIBLE:
        return ""
    if ch in _GREEK:
        return rf"\ensuremath{{\{_GREEK[ch]}}}"
    if ch in _GREEK_LATIN:
        return rf"\ensuremath{{\mathrm{{{_GREEK_LATIN[ch]}}}}}"
    if ch in _SUP:
        return rf"\ensuremath{{^{{\mathrm{{{_SUP[ch]}}}}}}}" if _SUP[ch].isalpha() else rf"\ensuremath{{^{{{_SUP[ch]}}}}}"
    if ch in _SUB:
        return rf"\ensuremath{{_{{\mathrm{{{_SUB[ch]}}}}}}}" if _SUB[ch].isalpha() else rf"\ensuremath{{_{{{_SUB[ch]}}}}}"
    if ch in _MATH_SYMBOLS:
        v = _MATH_SYMBOLS[ch]
        return v if (mode == "math" and v == "-") else rf"\ensuremath{{{v}}}"
    if ch in _TEXT_SYMBOLS:
        v = _TEXT_SYMBOLS[ch]
        if mode == "text":
            return v
        return rf"\text{{{v}}}"
    if unicodedata.category(ch).startswith("Z"):  # other spaces
        return " "
    # never drop: name the code point in typewriter
    return rf"\text{{\ttfamily[U+{ord(ch):04X}]}}"


def _map_unicode(s: str, mode: str) -> str:
    """Replace every non-ASCII character of ``s`` (decomposed, accents on their base) by ASCII LaTeX."""
    s = unicodedata.normalize("NFC", s)
    out: list[str] = []
    for ch in s:
        if ord(ch) < 128:
            out.append(ch)
            continue
        if ch in _GREEK or ch in _TEXT_SYMBOLS or ch in _MATH_SYMBOLS or ch in _SUP or ch in _SUB:
            out.append(_uni(ch, mode))
            continue
        parts = unicodedata.normalize("NFD", ch)
        if len(parts) > 1 and all(unicodedata.combining(p) for p in parts[1:]):
            base = parts[0] if ord(parts[0]) < 128 else _uni(parts[0], mode)
            for mark in parts[1:]:
                base = _accent(base, mark, mode)
            out.append(base)
        elif unicodedata.combining(ch):
            prev = out.pop() if out else "{}"
            out.append(_accent(prev, ch, mode))
        else:
            out.append(_uni(ch, mode))
    return "".join(out)


def _accent(base: str, mark: str, mode: str) -> str:
    text_acc, math_acc = _COMBINING.get(mark, (None, None))
    if mode == "text" and text_acc and re.fullmatch(r"[A-Za-z]|\\i\{\}", base):
        return rf"\{text_acc}{{{base}}}"
    if math_acc:
        return rf"\ensuremath{{\{math_acc}{{{base}}}}}"
    if text_acc:
        return rf"\text{{\{text_acc}{{{base}}}}}"
    return base + rf"\text{{\ttfamily[U+{ord(mark):04X}]}}"


def tex_ascii(s: str) -> str:
    """Last guard: any non-ASCII character left in generated LaTeX is spelled as its code point."""
    return "".join(ch if ord(ch) < 128 else rf"\texttt{{[U+{ord(ch):04X}]}}" for ch in s)


# --- text ---------------------------------------------------------------------------------------------------------
_TEXT_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "#": r"\#",
                 "%": r"\%", "_": r"\_", "^": r"\^{}", "~": r"\textasciitilde{}", "<": r"\textless{}",
                 ">": r"\textgreater{}", "|": r"\textbar{}"}


def escape_text(s: str, *, quotes: bool = True, before: str = " ") -> str:
    """Plain text -> LaTeX text: specials escaped, straight double quotes as TeX quotes, unicode mapped.

    ``before`` is the character preceding ``s`` in its statement (it decides whether a leading quote opens).
    """
    out = []
    for i, ch in enumerate(s):
        if ch in _TEXT_ESCAPES:
            out.append(_TEXT_ESCAPES[ch])
        elif ch == '"' and quotes:
            before = s[i - 1] if i else before
            out.append("``" if (before.isspace() or before in "([{-/") else "''")
        else:
            out.append(ch)
    return _map_unicode("".join(out), "text")


def verbatim(s: str) -> str:
    r"""Typewriter rendering of any string, escaped, with break points: nothing can fail, nothing is dropped."""
    out = []
    run = 0
    for ch in s:
        if ch == "\n":
            out.append(r"\newline{}")
            run = 0
            continue
        out.append(escape_text(ch, quotes=False) if (ch in _TEXT_ESCAPES or ord(ch) > 127) else
                   (r"\textquotedbl{}" if ch == '"' else ch))
        run += 1
        if ch in " ,;=+-()[]{}\\/|" or run >= 12:
            out.append(r"\allowbreak{}")
            run = 0
    return "{\\ttfamily\\small " + "".join(out) + "}"


# --- math checking ------------------------------------------------------------------------------------------------
_ALLOWED = set("""
alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa varkappa lambda mu nu xi pi varpi rho
varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi
Omega varGamma varDelta varTheta varLambda varXi varPi varSigma varUpsilon varPhi varPsi varOmega digamma
mathbf mathrm mathcal mathbb mathfrak mathit mathsf mathtt mathnormal boldsymbol pmb bm mathscr operatorname
text textrm textit textbf textsf texttt textnormal textup textsc emph mbox mathring mathstrut
frac dfrac tfrac cfrac binom dbinom tbinom sqrt over choose genfrac
sum prod coprod int iint iiint iiiint oint idotsint bigcup bigcap bigoplus bigotimes bigvee bigwedge bigsqcup
lim limsup liminf sup inf max min det exp log ln sin cos tan cot sec csc sinh cosh tanh coth arcsin arccos arctan
arg deg dim gcd hom ker Pr lg injlim projlim varlimsup varliminf mod bmod pmod pod
left right middle big Big bigg Bigg bigl bigr Bigl Bigr biggl biggr Biggl Biggr bigm Bigm
langle rangle lvert rvert lVert rVert vert Vert lfloor rfloor lceil rceil backslash lbrace rbrace lbrack rbrack
llbracket rrbracket ulcorner urcorner llcorner lrcorner
hat widehat tilde widetilde bar overline underline vec dot ddot dddot ddddot breve check acute grave
overrightarrow overleftarrow overleftrightarrow underrightarrow underleftarrow overbrace underbrace
overset underset stackrel xrightarrow xleftarrow substack sideset
cdot cdots ldots dots dotsc dotsb dotsm dotsi dotso vdots ddots times div pm mp ast star circ bullet oplus ominus
otimes oslash odot wedge vee cap cup sqcap sqcup setminus smallsetminus wr dagger ddagger amalg uplus
le leq ge geq neq ne equiv approx simeq sim cong propto ll gg lll ggg prec succ preceq succeq subset supset
subseteq supseteq subsetneq supsetneq in ni notin owns mid nmid parallel nparallel perp models vdash dashv
leqslant geqslant lesssim gtrsim approxeq doteq triangleq coloneqq eqqcolon asymp bowtie smile frown
to gets rightarrow leftarrow leftrightarrow Rightarrow Leftarrow Leftrightarrow longrightarrow longleftarrow
Longrightarrow Longleftarrow longleftrightarrow Longleftrightarrow mapsto longmapsto implies impliedby iff
uparrow downarrow updownarrow Uparrow Downarrow nearrow searrow swarrow nwarrow hookrightarrow hookleftarrow
rightleftharpoons rightharpoonup leftharpoonup xmapsto
infty partial nabla forall exists nexists emptyset varnothing neg lnot hbar hslash ell wp Re Im aleph
imath jmath prime backprime angle triangle triangledown Box square blacksquare Diamond diamond surd top bot
flat natural sharp clubsuit diamondsuit heartsuit spadesuit therefore because checkmark complement
quad qquad enspace thinspace negthinspace hspace phantom hphantom vphantom smash displaystyle textstyle
scriptstyle scriptscriptstyle limits nolimits tag label nonumber notag mathop mathrel mathbin mathord mathopen
mathclose mathpunct mathinner color boxed fbox not colon dotplus ltimes rtimes
intercal circledast bigstar lozenge blacklozenge bigtriangleup bigtriangledown
centerdot vartriangle varpropto shortmid nleq ngeq nless ngtr nsim ncong nsubseteq bigodot biguplus
rm bf it cal sf tt ensuremath hfill relax
begin end
""".split())
_SIZERS = {"left", "right", "middle", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr",
           "Biggl", "Biggr", "bigm", "Bigm"}
_TEXT_CMDS = {"text", "textrm", "textit", "textbf", "textsf", "texttt", "textnormal", "textup", "textsc", "emph",
              "mbox", "fbox"}
_REWRITE = {"bm": "boldsymbol", "mathscr": "mathcal", "dd": "mathrm{d}", "abs": None}
_ENVS = {"aligned", "alignedat", "gathered", "split", "cases", "matrix", "pmatrix", "bmatrix", "Bmatrix",
         "vmatrix", "Vmatrix", "smallmatrix", "array", "subarray"}
_ALIGN_ENVS = _ENVS  # every allowed environment accepts & and \\
_TEXT_ACCENT_SYMBOLS = set("'`^\"~=.")
_MATH_CONTROL_SYMBOLS = set(",;:! {}|#%&$_><")
_TOKEN = re.compile(r"\\\\|\\[A-Za-z]+\*?|\\.|\\$|[{}]|\s+|.", re.S)


def _tokens(s: str) -> list[str]:
    return _TOKEN.findall(s)


def _group(tokens: list[str], i: int) -> int:
    """Index just after the brace group (or single token) starting at ``tokens[i]`` (skipping spaces)."""
    while i < len(tokens) and tokens[i].isspace():
        i += 1
    if i >= len(tokens):
        raise Untypesettable("a command is missing its argument at the end")
    if tokens[i] != "{":
        return i + 1
    depth = 0
    for j in range(i, len(tokens)):
        if tokens[j] == "{":
            depth += 1
        elif tokens[j] == "}":
            depth -= 1
            if depth == 0:
                return j + 1
    raise Untypesettable("unbalanced braces: a '{' is never closed")


def _strip_group(tokens: list[str]) -> list[str]:
    toks = [t for t in tokens]
    while toks and toks[0].isspace():
        toks.pop(0)
    if toks and toks[0] == "{" and toks[-1] == "}":
        return toks[1:-1]
    return toks


def sanitize_math(s: str) -> str:
    r"""Check a math-mode string and return a version that compiles inside ``$\displaystyle ...$``.

    Rewrites: ``\tag{n}`` -> ``\qquad(n)``; ``\label``, ``\nonumber``, ``\notag`` removed (they print nothing);
    bare ``#``/``%`` escaped; unicode mapped; ``\bm``/``\mathscr`` to their base-package equivalents; ``&`` or
    ``\\`` outside an environment wrapped in ``aligned``/``gathered``.

    Raises
    ------
    Untypesettable
        For an unknown command or environment, unbalanced braces, ``\left`` without ``\right``, or a text accent
        in math mode; the caller then shows the string verbatim.
    """
    toks = _tokens(s)
    out, top_amp, top_nl = _walk(toks, math=True)
    body = "".join(out).strip()
    if top_amp or top_nl:
        env = "aligned" if top_amp else "gathered"
        body = rf"\begin{{{env}}}{body}\end{{{env}}}"
    return body


def _walk(toks: list[str], math: bool) -> tuple[list[str], bool, bool]:
    """Translate tokens; returns (output pieces, top-level &, top-level \\)."""
    out: list[str] = []
    env_stack: list[str] = []
    brace = 0
    left_stack: list[int] = []   # brace depth of each open \left
    top_amp = top_nl = False
    i = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        if t == "\\\\":
            if not env_stack:
                if not math:
                    out.append(r"\newline{}")
                    i += 1
                    continue
                top_nl = True
            out.append(t)
            i += 1
            continue
        if t.startswith("\\") and len(t) > 1 and t[1].isalpha():
            name = t[1:].rstrip("*")
            star = t.endswith("*")
            if name in ("tag",):
                j = _group(toks, i + 1)
                arg = "".join(_walk(_strip_group(toks[i + 1:j]), math=False)[0])
                out.append(rf"\qquad\text{{{arg}}}" if star else rf"\qquad\text{{({arg})}}")
                i = j
                continue
            if name == "label":
                i = _group(toks, i + 1)
                continue
            if name in ("nonumber", "notag"):
                i += 1
                continue
            if name in ("begin", "end"):
                j = _group(toks, i + 1)
                env = "".join(_strip_group(toks[i + 1:j])).strip()
                if env not in _ENVS:
                    raise Untypesettable(f"environment {{{env}}} is not available in math mode here")
                if name == "begin":
                    env_stack.append(env)
                else:
                    if not env_stack or env_stack[-1] != env:
                        raise Untypesettable(f"\\end{{{env}}} does not match the open environment")
                    env_stack.pop()
                out.append(rf"\{name}{{{env}}}")
                i = j
                continue
            if name in _REWRITE:
                if _REWRITE[name] is None:
                    raise Untypesettable(f"\\{name} needs a package that is not installed")
                out.append("\\" + _REWRITE[name] + ("*" if star else "") + " ")
                i += 1
                continue
            if name not in _ALLOWED:
                raise Untypesettable(f"unknown command \\{name}")
            if not math and name not in _TEXT_CMDS | {"quad", "qquad", "ldots", "dots", "ensuremath", "hspace",
                                                      "emph", "cdots", "hfill", "relax", "label"}:
                if name in ("rm", "bf", "it", "sf", "tt"):
                    out.append(t + " ")
                    i += 1
                    continue
                raise Untypesettable(f"math command \\{name} used in text")
            if name in _SIZERS:
                k = i + 1
                while k < n and toks[k].isspace():
                    k += 1
                if k < n and toks[k] in (r"\llbracket", r"\rrbracket"):
                    br = "[" if toks[k] == r"\llbracket" else "]"
                    out.append(f"{t}{br}\\mkern-3mu{t}{br}")  # no stmaryrd: a doubled bracket of the same size
                    if name == "left":
                        left_stack += [brace, brace]
                    elif name == "right":
                        for _ in range(2):
                            if not left_stack or left_stack[-1] != brace:
                                raise Untypesettable("\\right without a matching \\left in the same group")
                            left_stack.pop()
                    i = k + 1
                    continue
            if name == "left":
                left_stack.append(brace)
            elif name == "right":
                if not left_stack or left_stack[-1] != brace:
                    raise Untypesettable("\\right without a matching \\left in the same group")
                left_stack.pop()
            elif name == "middle":
                if not left_stack:
                    raise Untypesettable("\\middle outside \\left ... \\right")
            if name in _TEXT_CMDS:
                j = _group(toks, i + 1)
                inner = _strip_group(toks[i + 1:j])
                out.append(t + "{" + "".join(_walk(inner, math=False)[0]) + "}")
                i = j
                continue
            if name == "operatorname":
                out.append(t)
                i += 1
                continue
            out.append(t)
            # a control word swallows following letters unless separated: keep the space token
            i += 1
            continue
        if t.startswith("\\") and len(t) == 2:
            c = t[1]
            if math and c in _TEXT_ACCENT_SYMBOLS:
                raise Untypesettable(f"text accent {t} in math mode")
            if c == "\n" or c == "\t":
                out.append("\\ ")
            elif ord(c) > 127:
                raise Untypesettable(f"backslash before the unicode character {c!r}")
            elif c == "(" or c == ")" or c == "[" or c == "]":
                raise Untypesettable(f"math delimiter {t} inside math")
            else:
                out.append(t)
            i += 1
            continue
        if t == "\\":
            raise Untypesettable("a lone backslash at the end")
        if t == "{":
            brace += 1
            out.append(t)
        elif t == "}":
            brace -= 1
            if brace < 0:
                raise Untypesettable("unbalanced braces: a '}' closes nothing")
            if left_stack and left_stack[-1] > brace:
                raise Untypesettable("\\left ... \\right crosses a brace group")
            out.append(t)
        elif t == "&":
            if not env_stack:
                if not math:
                    out.append(r"\&")
                    i += 1
                    continue
                top_amp = True
            out.append(t)
        elif t == "#":
            out.append(r"\#")
        elif t == "%":
            out.append(r"\%")
        elif t == "$":
            if math:
                raise Untypesettable("a '$' inside math")
            # $...$ inside \text{}: math again
            k = i + 1
            while k < n and toks[k] != "$":
                k += 1
            if k >= n:
                out.append(r"\$")
                i += 1
                continue
            inner, _, _ = _walk(toks[i + 1:k], math=True)
            out.append("$" + "".join(inner) + "$")
            i = k + 1
            continue
        elif not math and t in "_^<>|~":
            out.append(_TEXT_ESCAPES[t])
        elif not math and t == '"':
            out.append("''")
        elif ord(t[0]) > 127:
            out.append(_map_unicode(t, "math"))
        else:
            out.append(t)
        i += 1
    if brace != 0:
        raise Untypesettable("unbalanced braces: a '{' is never closed")
    if left_stack:
        raise Untypesettable("\\left without a matching \\right")
    if env_stack:
        raise Untypesettable(f"\\begin{{{env_stack[-1]}}} is never closed")
    return out, top_amp, top_nl


# --- statements ---------------------------------------------------------------------------------------------------
_SPLIT_AT = re.compile(r"\\qquad|\\quad")


def _top_level_splits(tokens: list[str]) -> list[list[str]]:
    """Split a math token list at top-level ``\\qquad``/``\\quad`` (outside braces, environments and \\left)."""
    parts: list[list[str]] = [[]]
    depth = env = left = 0
    for t in tokens:
        if t == "{":
            depth += 1
        elif t == "}":
            depth -= 1
        elif t == r"\begin":
            env += 1
        elif t == r"\end":
            env -= 1
        elif t == r"\left":
            left += 1
        elif t == r"\right":
            left -= 1
        if t in (r"\qquad", r"\quad") and depth == env == left == 0 and parts[-1]:
            parts.append([])
            continue
        parts[-1].append(t)
    return [p for p in parts if "".join(p).strip()]


def math_display(s: str, *, split_long: bool = True, max_chars: int = 110) -> tuple[str, str | None]:
    r"""A display equation that never overflows: ``\dcdisplay{...}`` scales a too-wide line down to the text width.

    A long display made of ``\qquad``-separated relations is shown one relation per line (nothing is removed; a
    ``\tag`` stays with the relation it follows). Returns ``(latex, problem)``; on an untypesettable string the
    latex is the verbatim form and ``problem`` says why.
    """
    try:
        body = sanitize_math(s)
    except Untypesettable as exc:
        return r"\dcverbatimblock{" + verbatim(s.strip()) + "}", str(exc)
    lines = [body]
    if split_long and len(s) > max_chars and not body.startswith(r"\begin{"):
        chunks = _top_level_splits(_tokens(body))
        if len(chunks) > 1:
            lines = []
            for ch in chunks:
                text = "".join(ch).strip()
                if lines and (text.startswith(r"\text{(") or re.fullmatch(r"\([\w.,\- ]{1,12}\)[.,;]?", text)):
                    # an equation number: keep it with the relation before it
                    lines[-1] += r"\qquad" + text
                else:
                    lines.append(text)
    return "\n".join(r"\dcdisplay{" + ln + "}" for ln in lines), None


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")   # all but tab and newline
_MATH_SEG = re.compile(r"\$\$(.+?)\$\$|\\\[(.+?)\\\]|(?<!\\)\$(.+?)(?<!\\)\$|\\\((.+?)\\\)", re.S)
_BULLET = re.compile(r"^([ \t]*)([-*•])[ \t]+")


def looks_like_math(s: str) -> bool:
    """A statement with no ``$`` that is a bare formula (e.g. a sub-claim's printed relation copied from the spec)."""
    st = s.strip()
    if "$" in st or not st:
        return False
    if st[0] in "\"'“-*" or re.match(r"[A-Z][a-z]+ [a-z]+ ", st):
        return False
    return bool(re.search(r"\\[A-Za-z]+|[_^]|=", st)) and not re.search(r"\b[a-z]{4,} [a-z]{3,} [a-z]{3,}\b", st)


def _inline_math(m: str) -> tuple[str, str | None]:
    try:
        return "$" + sanitize_math(m) + "$", None
    except Untypesettable as exc:
        return verbatim("$" + m + "$"), str(exc)


def _text_piece(text: str, at_line_start: bool, before: str = " ") -> str:
    """Markdown-ish text: bullets at line starts, blank lines as paragraphs, *emphasis* and **bold**."""
    lines = text.split("\n")
    out = []
    for k, line in enumerate(lines):
        start = at_line_start or k > 0
        prefix = ""
        if start:
            m = _BULLET.match(line)
            if m and (m.group(2) != "*" or not line[m.end():].startswith("*")):
                level = min(len(m.group(1).expandtabs(4)) // 2, 3)
                prefix = rf"\dcitem{{{level}}}"
                line = line[m.end():]
            elif k > 0 and not line.strip():
                prefix = r"\par "
        piece = escape_text(line, before=before if k == 0 else " ")
        piece = re.sub(r"\\textasteriskcentered\{\}", "*", piece)
        piece = re.sub(r"\*\*(.+?)\*\*", r"\\textbf{\1}", piece)
        piece = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\\emph{\1}", piece)
        piece = piece.replace("*", r"\textasteriskcentered{}")
        out.append(prefix + piece)
    return "\n".join(out)


def statement_to_latex(s: str, *, force_verbatim: bool = False) -> tuple[str, list[str]]:
    """The statement as printed -> (LaTeX fragment for paragraph mode, reasons for parts shown verbatim).

    Text and math are split at ``$$...$$``, ``\\[...\\]``, ``$...$`` and ``\\(...\\)``; a statement without
    any ``$`` that looks like a bare formula is one display. Every part is kept: untypesettable math falls back
    to verbatim, segment by segment.
    """
    if force_verbatim:
        return r"\dcverbatimblock{" + verbatim(s.strip()) + "}", ["shown verbatim after a LaTeX error"]
    if _CONTROL.search(s):                # e.g. "\a" of "\alpha" turned into BEL by a string escape: show, flag
        shown = _CONTROL.sub(lambda m: f"<U+{ord(m.group()):04X}>", s.strip())
        return r"\dcverbatimblock{" + verbatim(shown) + "}", [
            "shown verbatim: the statement holds control characters (a backslash sequence such as \\a or \\f "
            "read as an escape?), marked <U+....>"]
    problems: list[str] = []
    if looks_like_math(s):
        tex, p = math_display(s)
        return tex, [p] if p else []
    out = []
    pos = 0
    for m in _MATH_SEG.finditer(s):
        if m.start() > pos:
            out.append(_text_piece(s[pos:m.start()], pos == 0 or s[pos - 1] == "\n", s[pos - 1] if pos else " "))
        display, bracket, inline, paren = m.groups()
        if display is not None or bracket is not None:
            tex, p = math_display(display if display is not None else bracket)
            out.append("\n" + tex + "\n")
        else:
            tex, p = _inline_math(inline if inline is not None else paren)
            out.append(tex)
        if p:
            problems.append(p)
        pos = m.end()
    if pos < len(s):
        out.append(_text_piece(s[pos:], pos == 0 or s[pos - 1] == "\n", s[pos - 1] if pos else " "))
    return tex_ascii("".join(out).strip()), problems


def inline_text(s: str) -> str:
    """A short string (title, location, assumption, reason) with optional ``$...$`` math, for running text."""
    out = []
    pos = 0
    for m in _MATH_SEG.finditer(s or ""):
        out.append(escape_text(s[pos:m.start()], before=s[pos - 1] if pos else " "))
        body = next(g for g in m.groups() if g is not None)
        out.append(_inline_math(body)[0])
        pos = m.end()
    out.append(escape_text((s or "")[pos:], before=s[pos - 1] if pos else " "))
    return tex_ascii("".join(out))


PREAMBLE_MACROS = r"""
\providecommand{\llbracket}{\mathopen{[\mkern-3mu[}}
\providecommand{\rrbracket}{\mathclose{]\mkern-3mu]}}
\providecommand{\coloneqq}{\mathrel{\mathop:}=}
\providecommand{\eqqcolon}{=\mathrel{\mathop:}}
\providecommand{\checkmark}{\ensuremath{\surd}}
\providecommand{\dddot}[1]{\overset{\ldots}{#1}}
\providecommand{\ddddot}[1]{\overset{\ldots\cdot}{#1}}
\providecommand{\xmapsto}[1]{\overset{#1}{\longmapsto}}
\providecommand{\mathscr}{\mathcal}
\providecommand{\bm}{\boldsymbol}
\newsavebox{\dcbox}
\newcommand{\dcdisplay}[1]{\par\smallskip\noindent\sbox{\dcbox}{$\displaystyle #1$}%
  \ifdim\wd\dcbox>\linewidth\resizebox{\linewidth}{!}{\usebox{\dcbox}}%
  \else\makebox[\linewidth][c]{\usebox{\dcbox}}\fi\par\smallskip}
\newcommand{\dcverbatimblock}[1]{\par\smallskip\noindent{\raggedright #1\par}\smallskip}
\newcommand{\dcitem}[1]{\par\noindent\hangindent=\dimexpr(#1em+1.5em)\relax\hangafter=1
  \hspace*{#1em}\makebox[1.5em][l]{\textbullet}\ignorespaces}
"""
