package dev.scorecard.crm.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A rule condition, compiled: {@code registeredDays >= 7 and not paid and points(A) >= 20}. The
 * grammar, loosest first: {@code or}, {@code and}, {@code not}, one comparison ({@code >= > <= <
 * == !=}), {@code + -}, {@code * /}, unary {@code -}; atoms are numbers, {@code 'text'}, {@code
 * true}/{@code false}, names, calls {@code f(arg, …)} and parentheses. Names and calls are resolved
 * when compiled, by a {@link Scope}, so an unknown name fails on load, not on the first lead.
 *
 * <p>A missing number is NaN: arithmetic keeps it missing and a comparison with it is false (so
 * {@code not (x > 3)} holds for a lead without {@code x}). Text compares with text by equality only;
 * text compared with a number is read as a number (missing when it is not one).
 */
public abstract class Expr {
    /** What an expression gives. */
    public enum Type {
        NUMBER, TEXT, BOOLEAN;

        String article() {
            return this == TEXT ? "a text" : this == NUMBER ? "a number" : "a condition";
        }
    }

    /** Resolves names and calls when compiling; gives each an id the {@link Env} answers at run time. */
    public interface Scope {
        /**
         * @return the variable's type and id, or null when there is no such name
         */
        Ref variable(String name);

        /**
         * @param args the call's arguments as written (names, numbers, windows such as {@code 7d})
         * @return the call's type and id, or null when there is no such function
         * @throws IllegalArgumentException naming what is wrong with the arguments
         */
        Ref call(String name, List<String> args);

        /** @return the names a {@code did you mean} may suggest */
        List<String> names();

        /** @return the functions there are, as an error about an unknown one lists them */
        String functions();
    }

    /** A resolved name: its type and the id the environment knows it by. */
    public record Ref(Type type, int id) {
    }

    /** Answers the resolved names for one lead. */
    public interface Env {
        double number(int id);

        String text(int id);

        boolean flag(int id);
    }

    /** A condition that does not parse or does not fit together: the column (1-based) and what. */
    public static final class CompileException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int column;

        CompileException(int column, String message) {
            super(message);
            this.column = column;
        }

        /** @return the column (1-based) in the condition's text where the problem is */
        public int column() {
            return column;
        }
    }

    final Type type;

    private Expr(Type type) {
        this.type = type;
    }

    /** @return what this expression gives */
    public Type type() {
        return type;
    }

    /** @return the value for one lead (NaN when missing); only for a {@link Type#NUMBER} */
    public double number(Env env) {
        throw new IllegalStateException(type + " is not a number");
    }

    /** @return the text for one lead; only for a {@link Type#TEXT} */
    public String text(Env env) {
        throw new IllegalStateException(type + " is not text");
    }

    /** @return whether the condition holds for one lead; only for a {@link Type#BOOLEAN} */
    public boolean test(Env env) {
        throw new IllegalStateException(type + " is not a condition");
    }

    /**
     * @param source the condition
     * @param scope resolves its names
     * @return the compiled condition
     * @throws CompileException when it does not parse, a name is unknown or it is not a condition
     */
    public static Expr condition(String source, Scope scope) {
        Parser p = new Parser(source, scope);
        Expr e = p.or();
        if (p.peek().kind != Tok.END) {
            throw p.error(p.peek(), "expected 'and', 'or' or the end, found " + p.peek().describe());
        }
        if (e.type != Type.BOOLEAN) {
            throw new CompileException(1, "the whole is " + e.type.article() + ", not a condition; compare it, e.g. '"
                    + source.strip() + " > 0'");
        }
        return e;
    }

    private enum Tok {
        NUMBER, TEXT, NAME, OP, LPAREN, RPAREN, COMMA, END
    }

    private record Token(Tok kind, String text, int column) {
        String describe() {
            return kind == Tok.END ? "the end" : "'" + text + "'";
        }
    }

    private static final class Parser {
        private final String source;
        private final Scope scope;
        private final List<Token> tokens = new ArrayList<>();
        private int at;

        Parser(String source, Scope scope) {
            this.source = source;
            this.scope = scope;
            lex();
        }

        private void lex() {
            int i = 0;
            int n = source.length();
            while (i < n) {
                char c = source.charAt(i);
                int start = i;
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(source.charAt(i + 1))) {
                    while (i < n && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '.')) {
                        i++;
                    }
                    tokens.add(new Token(Tok.NUMBER, source.substring(start, i), start + 1));
                } else if (Character.isLetter(c) || c == '_') {
                    // Feature names may hold '.' and '-': "a-b" is one name, "a - b" a subtraction.
                    while (i < n && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '_'
                            || (source.charAt(i) == '-' || source.charAt(i) == '.') && i + 1 < n
                            && Character.isLetter(source.charAt(i + 1)))) {
                        i++;
                    }
                    tokens.add(new Token(Tok.NAME, source.substring(start, i), start + 1));
                } else if (c == '\'' || c == '"') {
                    int end = source.indexOf(c, i + 1);
                    if (end < 0) {
                        throw new CompileException(start + 1, "the text that starts here has no closing " + c);
                    }
                    tokens.add(new Token(Tok.TEXT, source.substring(i + 1, end), start + 1));
                    i = end + 1;
                } else if (c == '(') {
                    tokens.add(new Token(Tok.LPAREN, "(", start + 1));
                    i++;
                } else if (c == ')') {
                    tokens.add(new Token(Tok.RPAREN, ")", start + 1));
                    i++;
                } else if (c == ',') {
                    tokens.add(new Token(Tok.COMMA, ",", start + 1));
                    i++;
                } else if ("<>=!".indexOf(c) >= 0) {
                    i++;
                    if (i < n && source.charAt(i) == '=') {
                        i++;
                    }
                    String op = source.substring(start, i);
                    if (op.equals("=") || op.equals("!")) {
                        throw new CompileException(start + 1, "'" + op + "' is not an operator; write "
                                + (op.equals("=") ? "'==' to compare" : "'not' or '!='"));
                    }
                    tokens.add(new Token(Tok.OP, op, start + 1));
                } else if ("+-*/".indexOf(c) >= 0) {
                    tokens.add(new Token(Tok.OP, String.valueOf(c), start + 1));
                    i++;
                } else {
                    throw new CompileException(start + 1, "unexpected character '" + c + "'");
                }
            }
            tokens.add(new Token(Tok.END, "", n + 1));
        }

        Token peek() {
            return tokens.get(at);
        }

        private Token next() {
            return tokens.get(at++);
        }

        private boolean word(String w) {
            Token t = peek();
            if (t.kind == Tok.NAME && t.text.equals(w)) {
                at++;
                return true;
            }
            return false;
        }

        private boolean op(String o) {
            Token t = peek();
            if (t.kind == Tok.OP && t.text.equals(o)) {
                at++;
                return true;
            }
            return false;
        }

        CompileException error(Token t, String message) {
            return new CompileException(t.column, message);
        }

        Expr or() {
            Expr left = and();
            while (true) {
                Token t = peek();
                if (!word("or")) {
                    return left;
                }
                left = new Logic(true, bool(left, t, "or"), bool(and(), t, "or"));
            }
        }

        private Expr and() {
            Expr left = not();
            while (true) {
                Token t = peek();
                if (!word("and")) {
                    return left;
                }
                left = new Logic(false, bool(left, t, "and"), bool(not(), t, "and"));
            }
        }

        private Expr not() {
            Token t = peek();
            if (word("not")) {
                return new Not(bool(not(), t, "not"));
            }
            return comparison();
        }

        private Expr bool(Expr e, Token at, String word) {
            if (e.type != Type.BOOLEAN) {
                throw error(at, "'" + word + "' joins conditions; beside it is " + e.type.article());
            }
            return e;
        }

        private Expr comparison() {
            Expr left = sum();
            Token t = peek();
            if (t.kind == Tok.OP && List.of(">=", ">", "<=", "<", "==", "!=").contains(t.text)) {
                next();
                Expr right = sum();
                Expr c = Compare.of(t.text, left, right);
                if (c == null) {
                    throw error(t, "cannot compare " + left.type.article() + " with " + right.type.article() + " by '"
                            + t.text + "'");
                }
                Token after = peek();
                if (after.kind == Tok.OP && List.of(">=", ">", "<=", "<", "==", "!=").contains(after.text)) {
                    throw error(after, "one comparison at a time: join them with 'and'");
                }
                return c;
            }
            return left;
        }

        private Expr sum() {
            Expr left = product();
            while (true) {
                Token t = peek();
                if (op("+") || op("-")) {
                    left = new Arith(t.text.charAt(0), num(left, t), num(product(), t));
                } else {
                    return left;
                }
            }
        }

        private Expr product() {
            Expr left = unary();
            while (true) {
                Token t = peek();
                if (op("*") || op("/")) {
                    left = new Arith(t.text.charAt(0), num(left, t), num(unary(), t));
                } else {
                    return left;
                }
            }
        }

        private Expr num(Expr e, Token at) {
            if (e.type != Type.NUMBER && e.type != Type.TEXT) {
                throw error(at, "'" + at.text + "' needs numbers; beside it is " + e.type.article());
            }
            return e.type == Type.TEXT ? new TextAsNumber(e) : e;
        }

        private Expr unary() {
            Token t = peek();
            if (op("-")) {
                return new Arith('-', new Constant(0), num(unary(), t));
            }
            return atom();
        }

        private Expr atom() {
            Token t = next();
            switch (t.kind) {
                case NUMBER -> {
                    double v = dev.scorecard.core.internal.StrictNumberParser.parse(t.text);
                    if (Double.isNaN(v)) {
                        throw error(t, "'" + t.text + "' is not a number");
                    }
                    return new Constant(v);
                }
                case TEXT -> {
                    return new Text(t.text);
                }
                case LPAREN -> {
                    Expr e = or();
                    Token close = next();
                    if (close.kind != Tok.RPAREN) {
                        throw error(close, "expected ')' to close the '(' at column " + t.column + ", found "
                                + close.describe());
                    }
                    return e;
                }
                case NAME -> {
                    if (t.text.equals("true") || t.text.equals("false")) {
                        return new Bool(t.text.equals("true"));
                    }
                    if (List.of("and", "or", "not").contains(t.text)) {
                        throw error(t, "expected a value, found '" + t.text + "'");
                    }
                    if (peek().kind == Tok.LPAREN) {
                        return call(t);
                    }
                    Ref r = scope.variable(t.text);
                    if (r == null) {
                        throw error(t, "unknown name '" + t.text + "'"
                                + dev.scorecard.core.internal.NearestName.didYouMean(t.text, scope.names()));
                    }
                    return new Variable(r);
                }
                default -> throw error(t, "expected a value, found " + t.describe());
            }
        }

        private Expr call(Token name) {
            next(); // (
            List<String> args = new ArrayList<>();
            if (peek().kind != Tok.RPAREN) {
                while (true) {
                    Token a = next();
                    if (a.kind != Tok.NAME && a.kind != Tok.NUMBER && a.kind != Tok.TEXT) {
                        throw error(a, "expected an argument of " + name.text + "(…), found " + a.describe());
                    }
                    args.add(a.text);
                    Token sep = next();
                    if (sep.kind == Tok.RPAREN) {
                        break;
                    }
                    if (sep.kind != Tok.COMMA) {
                        throw error(sep, "expected ',' or ')' in " + name.text + "(…), found " + sep.describe());
                    }
                }
            } else {
                next();
            }
            Ref r;
            try {
                r = scope.call(name.text, args);
            } catch (IllegalArgumentException e) {
                throw error(name, e.getMessage());
            }
            if (r == null) {
                throw error(name, "unknown function '" + name.text + "'; the functions are " + scope.functions());
            }
            return new Variable(r);
        }
    }

    private static final class Constant extends Expr {
        private final double value;

        Constant(double value) {
            super(Type.NUMBER);
            this.value = value;
        }

        @Override
        public double number(Env env) {
            return value;
        }
    }

    private static final class Text extends Expr {
        private final String value;

        Text(String value) {
            super(Type.TEXT);
            this.value = value;
        }

        @Override
        public String text(Env env) {
            return value;
        }
    }

    private static final class Bool extends Expr {
        private final boolean value;

        Bool(boolean value) {
            super(Type.BOOLEAN);
            this.value = value;
        }

        @Override
        public boolean test(Env env) {
            return value;
        }
    }

    private static final class Variable extends Expr {
        private final int id;

        Variable(Ref ref) {
            super(ref.type());
            this.id = ref.id();
        }

        @Override
        public double number(Env env) {
            return env.number(id);
        }

        @Override
        public String text(Env env) {
            return env.text(id);
        }

        @Override
        public boolean test(Env env) {
            return env.flag(id);
        }
    }

    private static final class TextAsNumber extends Expr {
        private final Expr text;

        TextAsNumber(Expr text) {
            super(Type.NUMBER);
            this.text = text;
        }

        @Override
        public double number(Env env) {
            String s = text.text(env);
            return s == null || s.isEmpty() ? Double.NaN : dev.scorecard.core.internal.StrictNumberParser.parse(s);
        }
    }

    private static final class Arith extends Expr {
        private final char op;
        private final Expr left;
        private final Expr right;

        Arith(char op, Expr left, Expr right) {
            super(Type.NUMBER);
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        public double number(Env env) {
            double a = left.number(env);
            double b = right.number(env);
            return switch (op) {
                case '+' -> a + b;
                case '-' -> a - b;
                case '*' -> a * b;
                default -> b == 0 ? Double.NaN : a / b; // a ratio over nothing is missing, not infinite
            };
        }
    }

    private static final class Not extends Expr {
        private final Expr inner;

        Not(Expr inner) {
            super(Type.BOOLEAN);
            this.inner = inner;
        }

        @Override
        public boolean test(Env env) {
            return !inner.test(env);
        }
    }

    private static final class Logic extends Expr {
        private final boolean or;
        private final Expr left;
        private final Expr right;

        Logic(boolean or, Expr left, Expr right) {
            super(Type.BOOLEAN);
            this.or = or;
            this.left = left;
            this.right = right;
        }

        @Override
        public boolean test(Env env) {
            return or ? left.test(env) || right.test(env) : left.test(env) && right.test(env);
        }
    }

    private static final class Compare extends Expr {
        private final String op;
        private final Expr left;
        private final Expr right;
        private final boolean texts;

        private Compare(String op, Expr left, Expr right, boolean texts) {
            super(Type.BOOLEAN);
            this.op = op;
            this.left = left;
            this.right = right;
            this.texts = texts;
        }

        static Expr of(String op, Expr left, Expr right) {
            if (left.type == Type.BOOLEAN || right.type == Type.BOOLEAN) {
                return null;
            }
            if (left.type == Type.TEXT && right.type == Type.TEXT) {
                return op.equals("==") || op.equals("!=") ? new Compare(op, left, right, true) : null;
            }
            return new Compare(op, left.type == Type.TEXT ? new TextAsNumber(left) : left,
                    right.type == Type.TEXT ? new TextAsNumber(right) : right, false);
        }

        @Override
        public boolean test(Env env) {
            if (texts) {
                String a = left.text(env);
                String b = right.text(env);
                if (a == null || b == null) {
                    return false;
                }
                return op.equals("==") == a.equals(b);
            }
            double a = left.number(env);
            double b = right.number(env);
            if (Double.isNaN(a) || Double.isNaN(b)) {
                return false;
            }
            return switch (op) {
                case ">=" -> a >= b;
                case ">" -> a > b;
                case "<=" -> a <= b;
                case "<" -> a < b;
                case "==" -> a == b;
                default -> a != b;
            };
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }
}
