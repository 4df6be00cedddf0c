// The Hub's side, pure: model ids, the tree API's entries (LFS sizes), the files picked per precision, and an
// unreachable Hub said in French even when the browser only says "Failed to fetch".
import { describe, expect, it } from 'vitest';
import { hubFolderName, hubUnreachable, isHubId, pickHubFiles, readHubTree } from '../../src/lib/core/ml/transformer/hub-files';

const TREE = [
  { type: 'directory', path: 'onnx', size: 0 },
  { type: 'file', path: 'config.json', size: 700 },
  { type: 'file', path: 'tokenizer.json', size: 2_400_000 },
  { type: 'file', path: 'tokenizer_config.json', size: 1_200 },
  { type: 'file', path: 'model.safetensors', size: 134, lfs: { size: 442_000_000 } },
  { type: 'file', path: 'onnx/model_quantized.onnx', size: 135, lfs: { size: 111_000_000 } },
];

describe('Hub files', () => {
  it('accepts owner/name ids only, and names their folder owner__name', () => {
    expect(isHubId('almanach/camembert-base')).toBe(true);
    for (const bad of ['camembert-base', 'a/b/c', 'a/../b', 'a--b/c', 'a b/c', '']) expect(isHubId(bad), bad).toBe(false);
    expect(hubFolderName('almanach/camembert-base')).toBe('almanach__camembert-base');
  });

  it('reads LFS sizes and picks the text files plus the graph of the precision asked', () => {
    const tree = readHubTree(TREE);
    expect(tree.find((f) => f.path === 'onnx/model_quantized.onnx')?.size).toBe(111_000_000);
    expect(pickHubFiles('o/m', tree, 'q8').map((f) => f.path)).toEqual(['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx']);
    expect(pickHubFiles('o/m', tree, 'all').map((f) => f.path)).toContain('onnx/model_quantized.onnx');
    expect(() => pickHubFiles('o/m', tree, 'fp32')).toThrow('Le dépôt o/m n’a pas de graphe ONNX (onnx/model.onnx)');
    expect(() => pickHubFiles('o/m', tree.filter((f) => f.path !== 'tokenizer.json'), 'q8')).toThrow('Le dépôt o/m n’a pas tokenizer.json');
    expect(() => readHubTree({ error: 'Repository not found' })).toThrow('Réponse inattendue du Hub');
  });

  it('says an unreachable Hub in French, keeping a system reason and replacing the browser’s English one', () => {
    expect(hubUnreachable('https://huggingface.co', new TypeError('Failed to fetch')).message).toBe(
      'Impossible de joindre le Hub Hugging Face (https://huggingface.co) : la connexion a échoué. Cet appareil n’a pas accès à Internet ou le réseau bloque le Hub.',
    );
    const node = new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND huggingface.co') });
    expect(hubUnreachable('https://huggingface.co', node)).toMatchObject({ code: 'usermodels/hubUnreachable', details: { detail: 'getaddrinfo ENOTFOUND huggingface.co' } });
  });
});
