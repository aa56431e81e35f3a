// Placeholder so the server's /client route can be tested; the errjs branch replaces this file.
export {};
