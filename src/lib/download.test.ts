import { afterEach, describe, expect, it, vi } from 'vitest'
import { downloadText } from './download'

describe('downloadText', () => {
  afterEach(() => vi.restoreAllMocks())

  it('saves the text under the file name through a link it removes again', async () => {
    const blobs: Blob[] = []
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob)
      return 'blob:shiplog/1'
    })
    const revoked = new Promise<string>((resolve) => {
      URL.revokeObjectURL = vi.fn(resolve)
    })
    const clicked: Array<{ href: string; download: string; attached: boolean }> = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ href: this.href, download: this.download, attached: this.isConnected })
    })

    downloadText('aws-prod.csv', 'text/csv', 'a,b\n1,2\n')

    expect(clicked).toEqual([{ href: 'blob:shiplog/1', download: 'aws-prod.csv', attached: true }])
    expect(document.querySelector('a[download]')).toBeNull()
    expect(blobs[0]?.type).toBe('text/csv')
    expect(await blobs[0]?.text()).toBe('a,b\n1,2\n')
    expect(await revoked).toBe('blob:shiplog/1')
  })
})
