// calculator: one arithmetic expression, evaluated by mathjs in a locked-down instance (never eval
// or Function). Two layers, following mathjs's security guide
// (https://mathjs.org/docs/expressions/security.html):
//  - the functions that reach back into the parser or alter the instance are replaced by ones that
//    throw, so no expression can call them, however it names them;
//  - before evaluating, the parsed tree is checked: those names, `config` (which cannot be replaced:
//    mathjs's own functions read it), and the functions and constructs that let a 500-character
//    expression allocate or compute without bound (size-taking matrix builders, `a:b` ranges,
//    indexed assignment that resizes, user-defined (recursive) functions, arbitrary-precision
//    numbers, combinatorics and primality loops) are refused.
// Residual risk: evaluation is synchronous and cannot be interrupted; the refusals above remove the
// known slow paths, not every conceivable one.
import {
  all,
  type AssignmentNode,
  create,
  type FunctionAssignmentNode,
  type MathNode,
  type SymbolNode,
} from "mathjs";
import { runTool, ToolCallError, type ToolImpl } from "./types.ts";

export const MAX_EXPRESSION_LENGTH = 500;

class DisabledFunction extends Error {}

const math = create(all);
// Captured before the overrides below; the check runs on its tree before anything is evaluated.
const parse = math.parse;

const DISABLED = [
  "import",
  "createUnit",
  "reviver",
  "replacer",
  "evaluate",
  "parse",
  "compile",
  "parser",
  "simplify",
  "simplifyConstant",
  "simplifyCore",
  "derivative",
  "resolve",
  "rationalize",
  "leafCount",
  "symbolicEqual",
  "chain",
  "help",
] as const;

math.import(
  Object.fromEntries(DISABLED.map((name) => [name, () => {
    throw new DisabledFunction(`${name} is disabled in the calculator`);
  }])),
  { override: true },
);

const UNBOUNDED = [
  "config",
  "typed",
  "range",
  "zeros",
  "ones",
  "identity",
  "resize",
  "matrixFromFunction",
  "matrixFromRows",
  "matrixFromColumns",
  "random",
  "randomInt",
  "pickRandom",
  "kron",
  "setPowerset",
  "setCartesian",
  "solveODE",
  "bignumber",
  "bigint",
  "fraction",
  "isPrime",
  "combinations",
  "combinationsWithRep",
  "permutations",
  "stirlingS2",
  "bellNumbers",
  "catalan",
  "composition",
  "multinomial",
];

const REFUSED_NAMES = new Set<string>([...DISABLED, ...UNBOUNDED]);

/** Why the calculator will not evaluate this tree, or null when it may. */
function refusal(root: MathNode): string | null {
  let reason: string | null = null;
  root.traverse((node) => {
    if (reason) return;
    if (node.type === "SymbolNode" && REFUSED_NAMES.has((node as SymbolNode).name)) {
      reason = `${(node as SymbolNode).name} is not available in the calculator`;
    } else if (node.type === "RangeNode") {
      reason = "ranges (a:b) are not available in the calculator";
    } else if (node.type === "FunctionAssignmentNode") {
      reason = `defining functions (${
        (node as FunctionAssignmentNode).name
      }) is not available in the calculator`;
    } else if (node.type === "AssignmentNode" && (node as AssignmentNode).index) {
      reason = "assigning into a matrix or object is not available in the calculator";
    }
  });
  return reason;
}

// Not math.isNumeric: it counts booleans as numbers and maps over matrices.
const NUMERIC_TYPES = new Set(["number", "BigNumber", "Fraction", "bigint"]);

/** The expression's value as a finite number; ToolCallError("refused") for anything else. */
function finiteNumber(value: unknown): number {
  // "a = 3; b = 4; sqrt(a^2 + b^2)": the value is the last visible result.
  if (math.typeOf(value) === "ResultSet") {
    const entries = (value as { entries: unknown[] }).entries;
    if (entries.length === 0) throw new ToolCallError("refused", "the expression has no result");
    return finiteNumber(entries[entries.length - 1]);
  }
  let result: number | undefined;
  if (NUMERIC_TYPES.has(math.typeOf(value))) result = Number(math.number(value as number));
  else if (math.isComplex(value) && value.im === 0) result = value.re;
  if (result === undefined) {
    throw new ToolCallError(
      "refused",
      `the result is a ${math.typeOf(value)}, not a number; the calculator returns numbers only`,
    );
  }
  if (!Number.isFinite(result)) {
    throw new ToolCallError("refused", `the result is ${result}, not a finite number`);
  }
  return result;
}

export function calculate(expression: string): number {
  if (expression.length > MAX_EXPRESSION_LENGTH) {
    throw new ToolCallError(
      "refused",
      `the expression is ${expression.length} characters long; at most ${MAX_EXPRESSION_LENGTH} are allowed`,
    );
  }
  let value: unknown;
  try {
    const tree = parse(expression);
    const reason = refusal(tree);
    if (reason) throw new ToolCallError("refused", reason);
    value = tree.compile().evaluate();
  } catch (err) {
    if (err instanceof ToolCallError) throw err;
    if (err instanceof DisabledFunction) throw new ToolCallError("refused", err.message);
    throw new ToolCallError("failed", `cannot evaluate the expression: ${(err as Error).message}`);
  }
  return finiteNumber(value);
}

export const calculator: ToolImpl = {
  key: "calculator",
  run: (args) =>
    runTool(() => {
      const expression = args.expression;
      if (typeof expression !== "string" || expression.trim() === "") {
        throw new ToolCallError("refused", "expression must be a non-empty string");
      }
      return { expression, result: calculate(expression) };
    }),
};
