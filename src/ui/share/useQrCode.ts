/** The QR code of a text as an SVG data URL (null while it is drawn, or when the text is too long for one). */
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

export function useQrCode(text: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'L', margin: 2 })
      .then((svg) => {
        if (!cancelled) setUrl(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      })
      .catch(() => {
        if (!cancelled) setUrl(null);
      });
    return () => {
      cancelled = true;
    };
  }, [text]);
  return url;
}
