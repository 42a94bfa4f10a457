// Bounds shared by the engine and the renderer: one home for each, imported on both sides.

/**
 * Longest `data:` image URI (characters) kept in an article: a SingleFile page inlines its pictures
 * this way. Longer ones are dropped by the engine (with a problem) and refused by the renderer.
 * 8 M characters of base64 is a 6 MB picture.
 */
export const MAX_DATA_IMAGE_CHARS = 8 * 1024 * 1024;
