export declare const SOURCE_CONDITION: '@deckhand/source';
export declare const sourceResolution: {
  resolve: { conditions: string[] };
  ssr: { resolve: { conditions: string[] } };
};
