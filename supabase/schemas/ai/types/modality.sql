create type ai.modality as enum (
  'text',
  'image',
  'audio',
  'video',
  'pdf',
  'embedding'
);
