#!/usr/bin/env python3
"""Writes syntaxes/adc.tmLanguage.json. The grammar is kept here with its regexes built from named
parts (identifier, number, unit) so they stay readable; run `python3 tools/grammar.py` after an edit
(test.sh checks that the JSON is up to date)."""
import json, os, sys

ID = r"[\p{L}_][\p{L}\p{Nd}_²³¹⁰⁴⁵⁶⁷⁸⁹⁻]*"
KEYWORDS = ("let var fn return if else for in while break continue try catch finally raise import as recipe parallel "
            "hold until limit param assert with step to and or not true false none").split()
KW = "(?:" + "|".join(KEYWORDS) + r")(?![\p{L}\p{Nd}_])"
SOFT = "(?:to|step|until|with|limit|hold|param|recipe|in|as|parallel)"
NUMBER = r"\d(?:_?\d)*(?:\.\d(?:_?\d)*)?(?:[eE][+-]?\d+)?"
EXP = r"(?:(?:\^|\*\*)-?\d+)?"
ATOM = r"(?:°[CF]|" + ID + ")" + EXP
TERM = r"(?:" + ATOM + r"|\([^()\n]*\)" + EXP + ")"
UNIT = r"(?!" + KW + ")" + ATOM + r"(?:[*/·]" + TERM + ")*"

# Library modules, functions and constants are read from docs/reference/ (generated from the Doc
# pages by org.adc.docs.ReferenceDocs), so the grammar names what the library has: a page with a
# "Returns:" line is a function, one with "Value:" a constant.
REF = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs", "reference")
MODULES, FUNCTIONS, CONSTANTS = [], [], []
for mod in sorted(os.listdir(REF)):
    d = os.path.join(REF, mod)
    if not os.path.isdir(d) or mod == "statements":
        continue
    MODULES.append(mod)
    for page in sorted(os.listdir(d)):
        name = page[:-3]
        text = open(os.path.join(d, page), encoding="utf-8").read()
        (CONSTANTS if "\nValue: " in text else FUNCTIONS).append(name)
# modules the snippets use that are planned
PLANNED_MODULES = [m for m in "structure potential neb kmc gcmc md devices".split() if m not in MODULES]

def words(ws):
    return r"(?<![\p{L}\p{Nd}_])(?:" + "|".join(sorted(ws, key=len, reverse=True)) + r")(?![\p{L}\p{Nd}_])"

def params_patterns():
    return [
        {"include": "#comments"},
        {"match": r"(?:(?<=[(,])|^)\s*(" + ID + r")(?:\s*(:)\s*(" + UNIT + "))?",
         "captures": {"1": {"name": "variable.parameter.adc"}, "2": {"name": "punctuation.separator.colon.adc"},
                      "3": {"name": "keyword.other.unit.adc"}}},
        {"include": "#expression"},
    ]

def arguments(name):
    return {"begin": r"\(", "end": r"\)",
            "beginCaptures": {"0": {"name": "punctuation.section.arguments.begin.adc"}},
            "endCaptures": {"0": {"name": "punctuation.section.arguments.end.adc"}},
            "name": "meta." + name + ".arguments.adc",
            "patterns": [
                {"match": r"(?<![\p{L}\p{Nd}_.])(" + ID + r")\s*(=)(?!=)",
                 "captures": {"1": {"name": "variable.parameter.adc"}, "2": {"name": "keyword.operator.assignment.adc"}}},
                {"include": "#expression"}]}

g = {
    "$schema": "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
    "name": "adc",
    "scopeName": "source.adc",
    "fileTypes": ["adc"],
    "patterns": [{"include": "#statement"}],
    "repository": {
        "statement": {"patterns": [
            {"include": "#comments"}, {"include": "#declarations"}, {"include": "#procedure"}, {"include": "#expression"}]},
        "expression": {"patterns": [
            {"include": "#comments"}, {"include": "#strings"}, {"include": "#lambda"}, {"include": "#conversion"},
            {"include": "#numbers"}, {"include": "#named-soft-keywords"}, {"include": "#keywords"}, {"include": "#modules"},
            {"include": "#member-call"}, {"include": "#members"}, {"include": "#calls"}, {"include": "#constants"},
            {"include": "#operators"}, {"include": "#braces"}, {"include": "#brackets"}, {"include": "#parens"},
            {"include": "#punctuation"}]},
        "comments": {"patterns": [
            {"match": r"(#).*$", "name": "comment.line.number-sign.adc",
             "captures": {"1": {"name": "punctuation.definition.comment.adc"}}}]},
        "strings": {"patterns": [
            {"begin": "\"", "end": "(\")|$", "name": "string.quoted.double.adc",
             "beginCaptures": {"0": {"name": "punctuation.definition.string.begin.adc"}},
             "endCaptures": {"1": {"name": "punctuation.definition.string.end.adc"}},
             "patterns": [
                 {"match": r"\\[nt\"\\$]", "name": "constant.character.escape.adc"},
                 {"match": r"\\.", "name": "invalid.illegal.escape.adc"},
                 {"include": "#interpolation"}]}]},
        "interpolation": {"begin": r"\$\{", "end": r"\}", "name": "meta.interpolation.adc", "contentName": "meta.embedded.adc",
                          "beginCaptures": {"0": {"name": "punctuation.section.interpolation.begin.adc"}},
                          "endCaptures": {"0": {"name": "punctuation.section.interpolation.end.adc"}},
                          "patterns": [{"include": "#expression"}]},
        "declarations": {"patterns": [
            {"begin": r"(?<![\p{L}\p{Nd}_])(fn)\s+(" + ID + r")\s*(?=\()", "end": r"(?<=\))",
             "beginCaptures": {"1": {"name": "storage.type.function.adc"}, "2": {"name": "entity.name.function.adc"}},
             "name": "meta.function.adc", "patterns": [{"include": "#parameters"}]},
            {"begin": r"(?<![\p{L}\p{Nd}_])(recipe)\s+(" + ID + r")\s*(?=\()", "end": r"(?<=\))",
             "beginCaptures": {"1": {"name": "keyword.control.procedure.recipe.adc"},
                               "2": {"name": "entity.name.function.recipe.adc"}},
             "name": "meta.recipe.adc", "patterns": [{"include": "#parameters"}]},
            {"match": r"(?<![\p{L}\p{Nd}_])(let)\s+(" + ID + r")(?:\s*(:)\s*(" + UNIT + "))?",
             "captures": {"1": {"name": "storage.type.let.adc"}, "2": {"name": "variable.other.constant.adc"},
                          "3": {"name": "punctuation.separator.colon.adc"}, "4": {"name": "keyword.other.unit.adc"}}},
            {"match": r"(?<![\p{L}\p{Nd}_])(var)\s+(" + ID + r")(?:\s*(:)\s*(" + UNIT + "))?",
             "captures": {"1": {"name": "storage.type.var.adc"}, "2": {"name": "variable.other.readwrite.adc"},
                          "3": {"name": "punctuation.separator.colon.adc"}, "4": {"name": "keyword.other.unit.adc"}}},
            {"match": r"(?<![\p{L}\p{Nd}_])(param)\s+(" + ID + r")(?:\s*(:)\s*(" + UNIT + "))?",
             "captures": {"1": {"name": "storage.type.param.adc"}, "2": {"name": "variable.other.constant.param.adc"},
                          "3": {"name": "punctuation.separator.colon.adc"}, "4": {"name": "keyword.other.unit.adc"}}},
            {"match": r"(?<![\p{L}\p{Nd}_])(import)\s+(" + ID + r"(?:\." + ID + r")*)(?:\s+(as)\s+(" + ID + "))?",
             "captures": {"1": {"name": "keyword.control.import.adc"}, "2": {"name": "entity.name.namespace.adc"},
                          "3": {"name": "keyword.control.import.adc"}, "4": {"name": "entity.name.namespace.adc"}}},
            {"match": r"(?<![\p{L}\p{Nd}_])(catch)\s+(" + ID + r")(?=\s*\{)",
             "captures": {"1": {"name": "keyword.control.exception.adc"}, "2": {"name": "variable.other.readwrite.adc"}}},
            {"match": r"(?<![\p{L}\p{Nd}_])(for)\s+(" + ID + r")(?:\s*(,)\s*(" + ID + r"))?\s+(in)(?![\p{L}\p{Nd}_])",
             "captures": {"1": {"name": "keyword.control.loop.adc"}, "2": {"name": "variable.other.readwrite.adc"},
                          "3": {"name": "punctuation.separator.comma.adc"}, "4": {"name": "variable.other.readwrite.adc"},
                          "5": {"name": "keyword.control.loop.adc"}}}]},
        "parameters": {"begin": r"\(", "end": r"\)",
                       "beginCaptures": {"0": {"name": "punctuation.section.parameters.begin.adc"}},
                       "endCaptures": {"0": {"name": "punctuation.section.parameters.end.adc"}},
                       "name": "meta.parameters.adc", "patterns": params_patterns()},
        "lambda": {"begin": r"(?<![\p{L}\p{Nd}_])(fn)\s*(?=\()", "end": r"(?<=\))",
                   "beginCaptures": {"1": {"name": "storage.type.function.lambda.adc"}},
                   "name": "meta.lambda.adc", "patterns": [{"include": "#parameters"}]},
        "procedure": {"patterns": [
            {"match": words(["parallel", "hold", "until", "limit"]) + r"(?!\s*=(?!=))",
             "name": "keyword.control.procedure.adc"},
            {"match": r"(?<![\p{L}\p{Nd}_])(with)\s+(" + ID + r")\s*(=)(?!=)",
             "captures": {"1": {"name": "keyword.other.with.adc"}, "2": {"name": "variable.parameter.adc"},
                          "3": {"name": "keyword.operator.assignment.adc"}}}]},
        "conversion": {"patterns": [
            {"match": r"(?<![\p{L}\p{Nd}_.])(to)\s+(?!=)((?:1\s*/\s*)?" + UNIT + ")",
             "captures": {"1": {"name": "keyword.operator.conversion.adc"}, "2": {"name": "keyword.other.unit.adc"}}}]},
        "numbers": {"patterns": [
            {"match": r"(?<![\p{L}\p{Nd}_])(" + NUMBER + r")(?:[ \t]*(" + UNIT + "))?",
             "name": "meta.quantity.adc",
             "captures": {"1": {"name": "constant.numeric.adc"}, "2": {"name": "keyword.other.unit.adc"}}}]},
        "named-soft-keywords": {"patterns": [
            {"match": r"(?<![\p{L}\p{Nd}_.])(" + SOFT + r")(?=\s*=(?!=))", "name": "variable.parameter.adc"}]},
        "keywords": {"patterns": [
            {"match": words(["if", "else"]), "name": "keyword.control.conditional.adc"},
            {"match": words(["for", "while", "break", "continue"]), "name": "keyword.control.loop.adc"},
            {"match": words(["return"]), "name": "keyword.control.flow.adc"},
            {"match": words(["try", "catch", "finally", "raise", "assert"]), "name": "keyword.control.exception.adc"},
            {"match": words(["import", "as"]), "name": "keyword.control.import.adc"},
            {"match": words(["recipe", "parallel", "hold", "until", "limit"]), "name": "keyword.control.procedure.adc"},
            {"match": words(["let", "var", "param"]), "name": "storage.type.adc"},
            {"match": words(["fn"]), "name": "storage.type.function.adc"},
            {"match": words(["with", "step"]), "name": "keyword.other.adc"},
            {"match": words(["to"]), "name": "keyword.operator.conversion.adc"},
            {"match": words(["and", "or", "not", "in"]), "name": "keyword.operator.logical.adc"},
            {"match": words(["true", "false"]), "name": "constant.language.boolean.adc"},
            {"match": words(["none"]), "name": "constant.language.none.adc"}]},
        "modules": {"patterns": [
            {"match": words(MODULES) + r"(?=\s*\.(?!\.))", "name": "support.module.adc"},
            {"match": words(PLANNED_MODULES) + r"(?=\s*\.(?!\.))", "name": "support.module.planned.adc"}]},
        "member-call": {"begin": r"(?<!\.)(\.)\s*(" + ID + "|" + SOFT + r")\s*(?=\()", "end": r"(?<=\))",
                        "beginCaptures": {"1": {"name": "punctuation.accessor.adc"},
                                          "2": {"name": "entity.name.function.member.adc"}},
                        "patterns": [arguments("member-call")]},
        "members": {"patterns": [
            {"match": r"(?<!\.)(\.)\s*(" + ID + r")",
             "captures": {"1": {"name": "punctuation.accessor.adc"}, "2": {"name": "variable.other.property.adc"}}}]},
        "calls": {"patterns": [
            {"begin": r"(" + words(FUNCTIONS) + r")\s*(?=\()", "end": r"(?<=\))",
             "beginCaptures": {"1": {"name": "support.function.builtin.adc"}},
             "patterns": [arguments("function-call")]},
            {"begin": r"(?<![\p{L}\p{Nd}_])(?!" + KW + r")(" + ID + r")\s*(?=\()", "end": r"(?<=\))",
             "beginCaptures": {"1": {"name": "entity.name.function.call.adc"}},
             "patterns": [arguments("function-call")]}]},
        "constants": {"patterns": [{"match": words(CONSTANTS), "name": "support.constant.adc"}]},
        "operators": {"patterns": [
            {"match": r"\.\.<|\.\.", "name": "keyword.operator.range.adc"},
            {"match": r"=>", "name": "storage.type.function.arrow.adc"},
            {"match": r"==|!=|<=|>=|<|>", "name": "keyword.operator.comparison.adc"},
            {"match": r"\+=|-=|\*=|/=", "name": "keyword.operator.assignment.compound.adc"},
            {"match": r"=", "name": "keyword.operator.assignment.adc"},
            {"match": r"\*\*|\^", "name": "keyword.operator.arithmetic.power.adc"},
            {"match": r"//|[-+*/%·]", "name": "keyword.operator.arithmetic.adc"}]},
        "braces": {"begin": r"\{", "end": r"\}",
                   "beginCaptures": {"0": {"name": "punctuation.section.braces.begin.adc"}},
                   "endCaptures": {"0": {"name": "punctuation.section.braces.end.adc"}},
                   "patterns": [{"include": "#record-key"}, {"include": "#statement"}]},
        "record-key": {"match": r"(?:(?<=[{,])|^)\s*(" + ID + r")\s*(:)(?!:)",
                       "captures": {"1": {"name": "variable.other.property.key.adc"}, "2": {"name": "punctuation.separator.colon.adc"}}},
        "brackets": {"begin": r"\[", "end": r"\]",
                     "beginCaptures": {"0": {"name": "punctuation.section.brackets.begin.adc"}},
                     "endCaptures": {"0": {"name": "punctuation.section.brackets.end.adc"}},
                     "patterns": [{"include": "#expression"}]},
        "parens": {"begin": r"\(", "end": r"\)",
                   "beginCaptures": {"0": {"name": "punctuation.section.parens.begin.adc"}},
                   "endCaptures": {"0": {"name": "punctuation.section.parens.end.adc"}},
                   "patterns": [{"include": "#expression"}]},
        "punctuation": {"patterns": [
            {"match": ",", "name": "punctuation.separator.comma.adc"},
            {"match": ";", "name": "punctuation.terminator.statement.adc"},
            {"match": ":", "name": "punctuation.separator.colon.adc"},
            {"match": r"\\\s*$", "name": "punctuation.separator.continuation.adc"}]},
    },
}

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "syntaxes", "adc.tmLanguage.json")
text = json.dumps(g, indent=2, ensure_ascii=False) + "\n"
if len(sys.argv) > 1 and sys.argv[1] == "--check":
    if open(out, encoding="utf-8").read() != text:
        sys.exit("syntaxes/adc.tmLanguage.json is not up to date: run python3 tools/grammar.py")
else:
    open(out, "w", encoding="utf-8").write(text)
