# SPDX-License-Identifier: MIT
# bash completion for whohungup. Installed to share/bash-completion/completions/whohungup.
_whohungup() {
  local cur prev
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  case $prev in
    -f|--format) mapfile -t COMPREPLY < <(compgen -W "text jsonl csv" -- "$cur"); return ;;
    --color|--colour) mapfile -t COMPREPLY < <(compgen -W "auto always never" -- "$cur"); return ;;
    -w|--who) mapfile -t COMPREPLY < <(compgen -W "agent customer third_party system unknown" -- "$cur"); return ;;
    --category) mapfile -t COMPREPLY < <(compgen -W "hangup not_connected failure transfer abandoned in_progress other" -- "$cur"); return ;;
    --channel) mapfile -t COMPREPLY < <(compgen -W "voice chat task email callback message unknown" -- "$cur"); return ;;
    --sort) mapfile -t COMPREPLY < <(compgen -W "ended started duration agent ended_by reason -ended -started -duration -agent -ended_by -reason" -- "$cur"); return ;;
    --fields) mapfile -t COMPREPLY < <(compgen -W "source_format input contact_id agent agent_name started_at ended_at duration_s ended_by category reason raw_reason confidence detail outcome evidence_lines channel ended_by_side agreement sources" -- "$cur"); return ;;
    --input-format) mapfile -t COMPREPLY < <(compgen -W "$(whohungup --list-formats 2>/dev/null | awk '{print $1}')" -- "$cur"); return ;;
    --tz) mapfile -t COMPREPLY < <(cd /usr/share/zoneinfo 2>/dev/null && compgen -f -- "$cur"); return ;;
    --since|--until|--agent|--reason|-j|--jobs|--max-entry-bytes|--max-depth|--max-open-calls) return ;;
  esac
  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "--format --summary --explain --who --quiet --color --colour --input-format
      --list-formats --list-mappings --no-csv-safety --max-entry-bytes --max-depth --max-open-calls --jobs
      --no-progress --verbose --since --until --agent --reason --category --channel --sort --fields --count --tz
      --version --help -f -s -e -w -q -j -v -V -h" -- "$cur")
    return
  fi
  mapfile -t COMPREPLY < <(compgen -f -- "$cur")
}
complete -o filenames -F _whohungup whohungup
