// Parser of the adc language. No actions: labelled alternatives give the tree builder one
// visit method per construct (see the interpreter's org.adc.parser.NodeBuilder).
parser grammar AdcParser;

options { tokenVocab = AdcLexer; }

program : sep? (statement (sep statement)*)? sep? EOF ;

sep : (NL | SEMI)+ ;

block : LBRACE sep? (statement (sep statement)*)? sep? RBRACE ;

statement
    : IMPORT (dottedName | path=string) (AS alias=IDENT)?                          # importStmt
    | PARAM name=IDENT (COLON unit)? ASSIGN expr (IN range=expr)? (COMMA doc=string)?   # paramStmt
    | (LET | VAR) name=IDENT (COLON unit)? ASSIGN expr                               # letStmt
    | FN name=IDENT LPAREN params? RPAREN block                                      # fnStmt
    | RECIPE name=IDENT LPAREN params? RPAREN block (sep? FINALLY fin=block)?        # recipeStmt
    | RETURN expr?                                                                   # returnStmt
    | BREAK                                                                          # breakStmt
    | CONTINUE                                                                       # continueStmt
    | IF expr block (sep? ELSE (ifTail=statement | elseBlock=block))?                # ifStmt
    | FOR first=IDENT (COMMA second=IDENT)? IN expr block                            # forStmt
    | WHILE expr block                                                               # whileStmt
    | TRY body=block (sep? CATCH errName=IDENT? handler=block)? (sep? FINALLY fin=block)?   # tryStmt
    | RAISE expr                                                                     # raiseStmt
    | ASSERT expr (COMMA message=expr)?                                              # assertStmt
    | PARALLEL block                                                                 # parallelStmt
    | HOLD duration=expr? (UNTIL cond=expr)? (WITH namedArgs)?                       # holdStmt
    | LIMIT expr (COMMA message=expr)?                                               # limitStmt
    | target=postfix op=(ASSIGN | PLUS_EQ | MINUS_EQ | STAR_EQ | SLASH_EQ) expr        # assignStmt
    | expr                                                                           # exprStmt
    ;

dottedName : IDENT (DOT IDENT)* ;

params : param (COMMA param)* COMMA? ;
param  : name=IDENT (COLON unit)? (ASSIGN expr)? ;

expr
    : postfix                                                           # postfixExpr
    | op=(MINUS | PLUS) expr                                            # unaryExpr
    | expr op=(STAR | SLASH | DSLASH | PERCENT) expr                    # mulExpr
    | expr op=(PLUS | MINUS) expr                                       # addExpr
    | expr TO unitSpec                                                  # convertExpr
    | expr op=(DOTDOT | DOTDOTLT) expr (STEP expr)?                     # rangeExpr
    | expr (IN | NOT IN) expr                                           # inExpr
    | expr op=(EQ | NE | LT | LE | GT | GE) expr                        # compareExpr
    | NOT expr                                                          # notExpr
    | expr AND expr                                                     # andExpr
    | expr OR expr                                                      # orExpr
    | FN LPAREN params? RPAREN (ARROW body=expr | block)                # lambdaExpr
    ;

// ANTLR gives the first alternative the highest precedence.
// power binds tighter than unary minus: -2^2 is -4
postfix
    : primary                                                           # primaryPostfix
    | postfix LPAREN args? RPAREN                                       # callPostfix
    | postfix DOT memberName                                            # memberPostfix
    | postfix LBRACK expr RBRACK                                        # indexPostfix
    | <assoc=right> postfix POW powerOperand                            # powPostfix
    ;

powerOperand : (MINUS | PLUS)? postfix ;

args : arg (COMMA arg)* COMMA? ;
arg  : (argName ASSIGN)? expr ;
namedArgs : namedArg (COMMA namedArg)* ;
namedArg : argName ASSIGN expr ;

// soft keywords may name arguments and members: furnace.ramp(to = 450 degC), furnace.hold(...)
argName    : IDENT | TO | STEP | UNTIL | WITH | LIMIT | HOLD | PARAM | RECIPE | IN | AS ;
memberName : IDENT | TO | STEP | UNTIL | WITH | LIMIT | HOLD | PARAM | RECIPE | IN | AS | PARALLEL ;

primary
    : number unit?                                                      # quantityLit
    | string                                                            # stringLit
    | (TRUE | FALSE)                                                    # boolLit
    | NONE                                                              # noneLit
    | IDENT                                                             # nameRef
    | LBRACK sep? (expr (COMMA sep? expr)* COMMA?)? sep? RBRACK         # listLit
    | LBRACE sep? entry (COMMA sep? entry)* COMMA? sep? RBRACE          # mapLit
    | LBRACE COLON RBRACE                                               # emptyMapLit
    | LPAREN expr RPAREN                                                # parenExpr
    | ifExpr                                                            # conditionalExpr
    ;

// the conditional expression: let label = if n == 1 { "atom" } else { "atoms" }; the else is required
ifExpr : IF cond=expr then=exprBlock sep? ELSE (otherwise=exprBlock | elseIf=ifExpr) ;
exprBlock : LBRACE sep? expr sep? RBRACE ;

entry : key=entryKey COLON value=expr ;
entryKey : fieldName | string | number ;
// soft keywords may name record fields too: {ramp: 5 degC/min, to: 450 degC}, {hold: 30 min}
fieldName : IDENT | TO | STEP | UNTIL | WITH | LIMIT | HOLD | PARAM | RECIPE | IN | AS | PARALLEL ;

number : INT | FLOAT ;

// a unit after a number or after `to`: eV, degC/min, J/(mol*K), m^2, cm^-1
unit : unitTerm ((STAR | SLASH) unitTerm)* ;
unitTerm
    : IDENT (POW unitExp)?                                              # unitAtom
    | LPAREN unit RPAREN (POW unitExp)?                                 # unitGroup
    ;
// after `to` a reciprocal unit may start with 1: x to 1/s
unitSpec : (one=INT SLASH)? unit ;
unitExp : MINUS? INT ;

string : DQUOTE stringPart* (STR_END | STR_NL) ;
stringPart
    : STR_TEXT                                                          # strText
    | STR_DOLLAR                                                        # strDollar
    | STR_INTERP expr RBRACE                                            # strInterp
    ;
