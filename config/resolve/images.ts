/** Full image references from platform.yaml's images section. */
import { PlatformImage } from '../model';
import { PlatformFile } from '../schema/platform';

type ImageSpec = NonNullable<PlatformFile['spec']['images'][PlatformImage | 'probe']>;

/** `registry/repository[:tag][@digest]`: with a digest the runtime pulls by content, the tag stays for readers. */
export function imageRef(x: ImageSpec): string {
  return `${x.registry}/${x.repository}${x.tag ? `:${x.tag}` : ''}${x.digest ? `@${x.digest}` : ''}`;
}

export function imageRefs(images: PlatformFile['spec']['images']): Record<PlatformImage, string> & { probe?: string } {
  const out = {} as Record<PlatformImage, string> & { probe?: string };
  for (const k of Object.keys(images).sort() as (PlatformImage | 'probe')[]) {
    const x = images[k];
    if (x) out[k] = imageRef(x);
  }
  return out;
}
