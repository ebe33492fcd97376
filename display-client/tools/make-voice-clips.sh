#!/usr/bin/env bash
# Generates the Mandarin clip set the hall screen plays for 「请 A001 号到 3 号窗口办理」.
# Needs espeak-ng (Mandarin voices cmn / cmn-latn-pinyin) and sox:
#   apt-get install -y espeak-ng sox
# Output: src/main/resources/webroot/voice/zh/*.wav (mono, 16 kHz, 16-bit) and manifest.json.
# A recorded voice pack replaces the folder: same clip names, any format the browser decodes.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../src/main/resources/webroot/voice/zh}"
speed="${SX_VOICE_SPEED:-150}"
rate=16000
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

for tool in espeak-ng sox; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y espeak-ng sox" >&2; exit 1; }
done
mkdir -p "$out"
rm -f "$out"/*.wav "$out"/manifest.json

entries=()

# The plain cmn dictionary of some espeak-ng builds reads tone numbers as English words, so Chinese
# words are given as pinyin to the pinyin voice; letters use cmn, which says them the Chinese way.
clip() {
  local name="$1" voice="$2" input="$3" text="$4"
  espeak-ng -v "$voice" -s "$speed" -w "$tmp/$name.raw.wav" "$input" 2>/dev/null
  # Trim silence at both ends so the phrase flows, normalise, then 16 kHz mono.
  sox "$tmp/$name.raw.wav" -r "$rate" -c 1 -b 16 "$out/$name.wav" \
    silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse norm -1
  entries+=("\"$name\": {\"file\": \"$name.wav\", \"text\": \"$text\"}")
}

digits_pinyin=(ling2 yi1 er4 san1 si4 wu3 liu4 qi1 ba1 jiu3)
digits_text=(零 一 二 三 四 五 六 七 八 九)
for d in 0 1 2 3 4 5 6 7 8 9; do
  clip "digit-$d" cmn-latn-pinyin "${digits_pinyin[$d]}" "${digits_text[$d]}"
done
clip digit-yao cmn-latn-pinyin yao1 幺
clip shi cmn-latn-pinyin shi2 十
clip bai cmn-latn-pinyin bai3 百
clip qian cmn-latn-pinyin qian1 千
clip qing cmn-latn-pinyin qing3 请
clip hao cmn-latn-pinyin hao4 号
clip dao cmn-latn-pinyin dao4 到
clip hao-chuangkou cmn-latn-pinyin "hao4 chuang1 kou3" 号窗口
clip banli cmn-latn-pinyin "ban4 li3" 办理
for letter in A B C D E F G H I J K L M N O P Q R S T U V W X Y Z; do
  clip "letter-${letter,,}" cmn "$letter" "$letter"
done

# Chime: a soft two-tone ding-dong, made with sox so the pack has no third-party audio.
sox -n -r "$rate" -c 1 -b 16 "$tmp/ding.wav" synth 0.45 sine 784 fade q 0.01 0.45 0.4 vol 0.5
sox -n -r "$rate" -c 1 -b 16 "$tmp/dong.wav" synth 0.7 sine 587 fade q 0.01 0.7 0.65 vol 0.5
sox "$tmp/ding.wav" "$tmp/dong.wav" "$out/chime.wav"
entries+=("\"chime\": {\"file\": \"chime.wav\", \"text\": \"\"}")

{
  echo '{'
  echo '  "language": "zh-CN",'
  echo "  \"source\": \"espeak-ng $(espeak-ng --version | grep -o '[0-9][0-9.]*' | head -1), sox; tools/make-voice-clips.sh\","
  echo "  \"sampleRate\": $rate,"
  echo '  "clips": {'
  last=$((${#entries[@]} - 1))
  for i in "${!entries[@]}"; do
    sep=','
    [ "$i" -eq "$last" ] && sep=''
    echo "    ${entries[$i]}$sep"
  done
  echo '  }'
  echo '}'
} > "$out/manifest.json"

echo "wrote ${#entries[@]} clips to $out ($(du -sh "$out" | cut -f1))"
