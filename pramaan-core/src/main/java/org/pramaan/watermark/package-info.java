/**
 * Invisible watermarks in pixels. {@link org.pramaan.watermark.DwtDctWatermark} is the
 * {@code dwtDct} method of the {@code invisible-watermark} Python package (imwatermark) that the
 * Stable Diffusion reference scripts and SDXL use, with the package's exact numeric conventions;
 * {@link org.pramaan.watermark.SdWatermarkDetector} looks for the SD 1.x and SDXL messages and
 * {@link org.pramaan.signals.WatermarkSignalExtractor} turns what it finds into screening signals.
 * The encoder serves generator-side labelling and the tests. {@link org.pramaan.watermark.KeyedWatermark}
 * is Pramaan's own keyed, robust 32-bit watermark (issue 14). Facts and sources: docs/watermark.md.
 */
package org.pramaan.watermark;
