// The instruction that asks a model for a JSON answer matching an output contract. Providers with a
// JSON mode get it as well (OpenAI's json_object mode even requires the word JSON in the prompt).
import type { OutputContract } from "./types.ts";

export function wantsJson(contract: OutputContract | null | undefined): contract is OutputContract {
  return contract?.kind === "json";
}

export function jsonInstruction(contract: OutputContract): string {
  const lines = [
    "Answer with a single JSON object and nothing else: no prose before or after it, no code fences.",
  ];
  const fields = contract.fields ?? [];
  if (fields.length > 0) {
    lines.push("The object has these fields:");
    for (const field of fields) {
      const presence = field.required ? "required" : "optional";
      const description = field.description ? `: ${field.description}` : "";
      lines.push(`- "${field.name}" (${field.type}, ${presence})${description}`);
    }
  }
  return lines.join("\n");
}
