// Lexer of the adc language. No actions: lexer modes handle string interpolation, and the
// interpreter's AdcTokenSource (Java) decides which newlines end a statement.
lexer grammar AdcLexer;

// keywords
LET      : 'let' ;
VAR      : 'var' ;
FN       : 'fn' ;
RETURN   : 'return' ;
IF       : 'if' ;
ELSE     : 'else' ;
FOR      : 'for' ;
IN       : 'in' ;
WHILE    : 'while' ;
BREAK    : 'break' ;
CONTINUE : 'continue' ;
TRY      : 'try' ;
CATCH    : 'catch' ;
FINALLY  : 'finally' ;
RAISE    : 'raise' ;
IMPORT   : 'import' ;
AS       : 'as' ;
RECIPE   : 'recipe' ;
PARALLEL : 'parallel' ;
HOLD     : 'hold' ;
UNTIL    : 'until' ;
LIMIT    : 'limit' ;
PARAM    : 'param' ;
ASSERT   : 'assert' ;
WITH     : 'with' ;
STEP     : 'step' ;
TO       : 'to' ;
AND      : 'and' ;
OR       : 'or' ;
NOT      : 'not' ;
TRUE     : 'true' ;
FALSE    : 'false' ;
NONE     : 'none' ;

// numbers: 1..5 lexes as INT DOTDOT INT, so a float needs digits after the dot
FLOAT : DIGITS '.' DIGITS EXPONENT? | DIGITS EXPONENT ;
INT   : DIGITS ;
fragment DIGITS   : [0-9] ('_'? [0-9])* ;
fragment EXPONENT : [eE] [+-]? [0-9]+ ;

// identifiers, including unit symbols such as µA, Å, Ω, °C, m²
IDENT : ID_START ID_PART* | '°' [CF] ;
fragment ID_START : [a-zA-Z_] | [\p{L}] ;
fragment ID_PART  : [a-zA-Z0-9_] | [\p{L}] | [\p{Nd}] | [²³¹⁰⁴⁵⁶⁷⁸⁹⁻] ;

// punctuation and operators
DOTDOTLT : '..<' ;
DOTDOT   : '..' ;
ARROW    : '=>' ;
EQ       : '==' ;
NE       : '!=' ;
LE       : '<=' ;
GE       : '>=' ;
LT       : '<' ;
GT       : '>' ;
PLUS_EQ  : '+=' ;
MINUS_EQ : '-=' ;
STAR_EQ  : '*=' ;
SLASH_EQ : '/=' ;
ASSIGN   : '=' ;
POW      : '**' | '^' ;
PLUS     : '+' ;
MINUS    : '-' ;
STAR     : '*' | '·' ;
DSLASH   : '//' ;
SLASH    : '/' ;
PERCENT  : '%' ;
LPAREN   : '(' ;
RPAREN   : ')' ;
LBRACK   : '[' ;
RBRACK   : ']' ;
LBRACE   : '{' -> pushMode(DEFAULT_MODE) ;
RBRACE   : '}' -> popMode ;
COMMA    : ',' ;
COLON    : ':' ;
SEMI     : ';' ;
DOT      : '.' ;
QUESTION : '?' ;

DQUOTE   : '"' -> pushMode(STRING) ;

NL       : '\r'? '\n' ;
WS       : [ \t\f]+ -> channel(HIDDEN) ;
LINE_CONT: '\\' [ \t]* '\r'? '\n' -> channel(HIDDEN) ;
COMMENT  : '#' ~[\r\n]* -> channel(HIDDEN) ;

// any other character is one token, so the parser reports it with its position
ERROR_CHAR : . ;

mode STRING;
STR_TEXT   : ( ~["\\$\r\n] | '\\' ~[\r\n] )+ ;
STR_INTERP : '${' -> pushMode(DEFAULT_MODE) ;
STR_DOLLAR : '$' ;
STR_END    : '"' -> popMode ;
STR_NL     : '\r'? '\n' -> popMode ;
