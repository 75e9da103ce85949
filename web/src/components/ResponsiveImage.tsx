import type { ImgHTMLAttributes } from 'react';

/** Resized WebP copies of an uploaded image by width ({"320": url, "960": url}), from the API. */
export type ImageVariants = { readonly [width: string]: string } | null | undefined;

type Props = Omit<ImgHTMLAttributes<HTMLImageElement>, 'src' | 'srcSet'> & {
  src: string;
  variants?: ImageVariants;
};

/** The srcset of an image's variants, narrowest first; undefined without any. */
export function variantSrcSet(variants: ImageVariants): string | undefined {
  const widths = Object.keys(variants ?? {})
    .map(Number)
    .filter((width) => Number.isFinite(width) && width > 0)
    .sort((a, b) => a - b);
  if (!variants || widths.length === 0) return undefined;
  return widths.map((width) => `${variants[String(width)]} ${width}w`).join(', ');
}

/**
 * An uploaded image that lets the browser pick the smallest WebP variant
 * wide enough for its slot (`sizes`), so a phone on campus data loads a
 * 320 px copy instead of the original photo. Falls back to the original.
 */
export function ResponsiveImage({ src, variants, sizes = '100vw', loading = 'lazy', alt = '', ...rest }: Props) {
  const srcSet = variantSrcSet(variants);
  return <img src={src} srcSet={srcSet} sizes={srcSet ? sizes : undefined} loading={loading} alt={alt} {...rest} />;
}
