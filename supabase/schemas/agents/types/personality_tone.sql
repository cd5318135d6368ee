create type agents.personality_tone as enum (
  'neutral',
  'friendly',
  'formal',
  'playful',
  'direct',
  'empathetic'
);
