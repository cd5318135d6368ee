// calculator: arithmetic through a locked-down mathjs; everything that is not a plain finite number
// from a bounded computation is refused.
import { builtInTools } from "../../../functions/_shared/tools/index.ts";
import { assertEquals } from "../../_support/assert.ts";
import { assertFailure, assertOk, context } from "./_support.ts";

const calculate = (expression: string) => builtInTools.calculator.run({ expression }, context());

Deno.test("calculator: arithmetic, precedence and functions", async () => {
  const cases: [string, number][] = [
    ["1 + 2 * 3", 7],
    ["(1 + 2) * 3", 9],
    ["2 ^ 3 ^ 2", 512],
    ["-2 ^ 2", -4],
    ["10 / 4", 2.5],
    ["sqrt(16) + round(2.567, 2)", 6.57],
    ["a = 3; b = 4; sqrt(a^2 + b^2)", 5],
    ["max([1, 5, 3])", 5],
    ["number(2 inch, cm)", 5.08],
  ];
  for (const [expression, result] of cases) {
    assertEquals(assertOk(await calculate(expression)), { expression, result });
  }
});

Deno.test("calculator: the functions that reach the parser or alter mathjs are refused", async () => {
  for (
    const expression of [
      'import({"sqrt": 1}, {"override": true})',
      'createUnit("furlongs", "201 m")',
      'evaluate("1 + 1")',
      'f = evaluate; f("1 + 1")',
      'parse("1")',
      'simplify("x + x")',
      "config({number: 'BigNumber'})",
    ]
  ) {
    assertFailure(await calculate(expression), "refused", /not available in the calculator/);
  }
  // Still a working calculator afterwards: nothing above changed the shared instance.
  assertEquals(assertOk(await calculate("sqrt(16)")), { expression: "sqrt(16)", result: 4 });
});

Deno.test("calculator: unbounded computations are refused before they run", async () => {
  for (
    const [expression, reason] of [
      ["sum(1:100000000)", /ranges/],
      ["zeros(100000, 100000)", /zeros is not available/],
      ["a = [1]; a[100000000] = 1", /assigning into a matrix/],
      ["f(n) = n < 2 ? n : f(n - 1) + f(n - 2); f(40)", /defining functions/],
      ["isPrime(bignumber('1e60') + 7)", /not available/],
      ["combinations(1e9, 5e8)", /combinations is not available/],
    ] as const
  ) {
    assertFailure(await calculate(expression), "refused", reason);
  }
});

Deno.test("calculator: a result that is not a finite number is refused", async () => {
  assertFailure(await calculate('"abc"'), "refused", /string, not a number/);
  assertFailure(await calculate("[1, 2; 3, 4]"), "refused", /DenseMatrix, not a number/);
  assertFailure(await calculate("2 inch"), "refused", /Unit, not a number/);
  assertFailure(await calculate("3 > 2"), "refused", /boolean, not a number/);
  assertFailure(await calculate("sqrt(-4)"), "refused", /Complex, not a number/);
  assertFailure(await calculate("1 / 0"), "refused", /Infinity, not a finite number/);
  assertFailure(await calculate("0 / 0"), "refused", /NaN, not a finite number/);
});

Deno.test("calculator: length limit, syntax errors and unknown symbols", async () => {
  assertFailure(await calculate(`1${"+1".repeat(250)}`), "refused", /501 characters long; at most 500/);
  assertEquals(assertOk(await calculate(`1${"+1".repeat(249)}`)), {
    expression: `1${"+1".repeat(249)}`,
    result: 250,
  });
  assertFailure(await calculate("1 +"), "failed", /cannot evaluate the expression: Unexpected end/);
  assertFailure(await calculate("x * 2"), "failed", /Undefined symbol x/);
});
