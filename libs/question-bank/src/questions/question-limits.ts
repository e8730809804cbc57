/** Bounds on question content; importers and the API enforce the same ones. */
export const LIMITS = {
  stem: 10_000,
  option: 2_000,
  options: 20,
  accepted: 50,
  acceptedLength: 500,
  explanation: 10_000,
  rubric: 10_000,
  legalReference: 500,
  tags: 20,
  tag: 50,
  topicPath: 500,
  topicSegment: 200,
  maxPoints: 1000,
  /** Questions per import file. */
  importQuestions: 50_000,
} as const;
