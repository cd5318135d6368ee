// Embeddings from an OpenAI-compatible /embeddings endpoint (OpenAI, Ollama, vLLM...), through the
// same SDK client as chat completions. The answer is checked before it is trusted: one vector per
// input, in input order, all of one length (the requested one when given), finite numbers only.
import type OpenAI from "openai";
import { CallScope } from "./call_scope.ts";
import { classify } from "./errors.ts";
import { createOpenAIClient, openaiErrorReader } from "./openai_client.ts";
import { type ProviderConfig, ProviderError } from "./types.ts";

export interface EmbeddingRequest {
  model: string;
  /** The texts to embed, one vector each. */
  input: string[];
  /** The vector length to ask for (models that can shorten their vectors); checked on the answer. */
  dimensions?: number;
  signal?: AbortSignal;
  /** Whole-call budget in milliseconds; exceeding it fails with kind "timeout". */
  timeoutMs?: number;
}

export interface EmbeddingResult {
  /** One vector per input, in input order. */
  vectors: number[][];
  /** The model id the server reports. */
  model: string;
  usage: { inputTokens: number };
  latencyMs: number;
}

export interface EmbeddingProvider {
  readonly key: string;
  embed(req: EmbeddingRequest): Promise<EmbeddingResult>;
}

type EmbeddingResponse = OpenAI.Embeddings.CreateEmbeddingResponse;

export class OpenAICompatibleEmbeddings implements EmbeddingProvider {
  readonly key = "openai_compatible";
  private readonly client: OpenAI;

  constructor(config: ProviderConfig = {}) {
    this.client = createOpenAIClient(config);
  }

  async embed(req: EmbeddingRequest): Promise<EmbeddingResult> {
    if (req.dimensions !== undefined && (!Number.isInteger(req.dimensions) || req.dimensions < 1)) {
      throw new ProviderError(
        this.key,
        "client",
        `dimensions must be a positive integer, got ${req.dimensions}`,
      );
    }
    const started = performance.now();
    if (req.input.length === 0) {
      return { vectors: [], model: req.model, usage: { inputTokens: 0 }, latencyMs: 0 };
    }
    // CallScope only reads the signal and the deadline of the request it is given.
    const scope = CallScope.start(this.key, {
      model: req.model,
      messages: [],
      signal: req.signal,
      timeoutMs: req.timeoutMs,
    });
    try {
      const response = await this.client.embeddings.create(
        { model: req.model, input: req.input, dimensions: req.dimensions, encoding_format: "float" },
        { signal: scope.signal },
      );
      scope.throwIfAborted();
      return {
        vectors: this.checkedVectors(response, req),
        model: response.model || req.model,
        usage: { inputTokens: response.usage?.prompt_tokens ?? 0 },
        latencyMs: Math.round(performance.now() - started),
      };
    } catch (err) {
      throw scope.failure(err, (e) => classify(e, this.key, openaiErrorReader));
    } finally {
      scope.dispose();
    }
  }

  private checkedVectors(response: EmbeddingResponse, req: EmbeddingRequest): number[][] {
    const bad = (what: string) => new ProviderError(this.key, "server", `bad embeddings answer: ${what}`);
    const data = Array.isArray(response.data) ? response.data : [];
    if (data.length !== req.input.length) {
      throw bad(`${data.length} vectors for ${req.input.length} inputs`);
    }
    const vectors: (number[] | undefined)[] = new Array(req.input.length);
    data.forEach((item, position) => {
      const index = item.index ?? position;
      if (!Number.isInteger(index) || index < 0 || index >= vectors.length || vectors[index]) {
        throw bad(`unexpected or repeated index ${index}`);
      }
      vectors[index] = item.embedding;
    });
    const length = req.dimensions ?? vectors[0]?.length;
    vectors.forEach((vector, i) => {
      if (!Array.isArray(vector) || vector.length === 0) throw bad(`vector ${i} is not an array of numbers`);
      if (vector.length !== length) {
        throw bad(`vector ${i} has ${vector.length} dimensions, expected ${length}`);
      }
      if (!vector.every((x) => typeof x === "number" && Number.isFinite(x))) {
        throw bad(`vector ${i} holds a value that is not a finite number`);
      }
    });
    return vectors as number[][];
  }
}
