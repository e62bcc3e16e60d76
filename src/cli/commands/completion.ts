import { BriefError } from '../../shared/errors.js';
import { closestMatch } from '../../shared/suggest.js';
import { COMMAND_HELP, longFlag, type CommandHelp, type FlagHelp } from '../commandHelp.js';
import type { Command } from '../context.js';
import { parseFlags } from '../parseFlags.js';
import { COMMANDS } from './index.js';

export const COMPLETION_USAGE = 'brief completion bash|zsh';

const SHELLS = ['bash', 'zsh'] as const;

export const completionCommand: Command = {
  name: 'completion',
  usage: COMPLETION_USAGE,
  async run(args, context) {
    const { positionals } = parseFlags(args, {}, COMPLETION_USAGE);
    const [shell, ...extra] = positionals;
    if (shell === 'bash' && extra.length === 0) context.stdout.write(bashScript());
    else if (shell === 'zsh' && extra.length === 0) context.stdout.write(zshScript());
    else {
      const close = shell === undefined ? undefined : closestMatch(shell, SHELLS);
      throw new BriefError(
        'USAGE',
        shell === undefined ? 'which shell?' : `no completion for "${positionals.join(' ')}"`,
        { hint: `${close ? `did you mean "${close}"? ` : ''}usage: ${COMPLETION_USAGE}` },
      );
    }
    return 0;
  },
};

interface CommandWords {
  name: string;
  summary: string;
  help: CommandHelp;
}

function commands(): CommandWords[] {
  return COMMANDS.map((c) => ({
    name: c.name,
    summary: c.summary,
    help: COMMAND_HELP[c.name] ?? { arguments: 'files', flags: [], examples: [], exitCodes: [] },
  }));
}

/** The kind of value a flag takes, from the placeholder its help names. */
function flagValue(flag: FlagHelp): 'dir' | 'file' | 'format' | 'template' | 'other' | 'none' {
  const long = longFlag(flag);
  const placeholder = flag.flag.slice(flag.flag.indexOf(long) + long.length).trim();
  if (placeholder === '') return 'none';
  if (placeholder === 'DIR') return 'dir';
  if (placeholder === 'FILE') return 'file';
  if (placeholder === 'pdf|json|html') return 'format';
  if (placeholder === 'NAME') return 'template';
  return 'other';
}

const flagsOf = (help: CommandHelp) => [...help.flags.map(longFlag), '--help'];

function bashScript(): string {
  const all = commands();
  const takingValues = (kind: ReturnType<typeof flagValue>) =>
    [
      ...new Set(
        all.flatMap((c) => c.help.flags.filter((f) => flagValue(f) === kind).map(longFlag)),
      ),
    ]
      .sort()
      .join('|');
  const perCommand = all.map((c) => {
    const words = c.help.arguments === 'words' ? ` words="${(c.help.words ?? []).join(' ')}"` : '';
    return `    ${c.name}) flags="${flagsOf(c.help).join(' ')}"; args=${c.help.arguments};${words} ;;`;
  });
  return `# bash completion for brief (briefgen): commands, their flags, brief files.
# Load it with: source <(brief completion bash)   (or save it in ~/.local/share/bash-completion/completions/brief)
_brief_add() {
  local line
  while IFS= read -r line; do COMPREPLY+=("$line"); done
}

_brief() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  COMPREPLY=()
  if [[ $COMP_CWORD -eq 1 ]]; then
    _brief_add < <(compgen -W "${all.map((c) => c.name).join(' ')} --help --version" -- "$cur")
    return 0
  fi
  case "$prev" in
    ${takingValues('dir')}) _brief_add < <(compgen -d -- "$cur"); return 0 ;;
    ${takingValues('file')}) _brief_add < <(compgen -f -- "$cur"); return 0 ;;
    ${takingValues('format')}) _brief_add < <(compgen -W "pdf json html" -- "$cur"); return 0 ;;
    ${takingValues('template')})
      _brief_add < <(compgen -W "analyst digest executive $(command ls templates 2>/dev/null)" -- "$cur")
      return 0 ;;
    ${takingValues('other')}) return 0 ;;
  esac
  local flags="" args=files words=""
  case "\${COMP_WORDS[1]}" in
${perCommand.join('\n')}
  esac
  if [[ "$cur" == -* ]]; then
    _brief_add < <(compgen -W "$flags" -- "$cur")
    return 0
  fi
  case "$args" in
    briefs|brief)
      _brief_add < <(compgen -f -X '!*.yaml' -- "$cur")
      _brief_add < <(compgen -f -X '!*.yml' -- "$cur")
      _brief_add < <(compgen -d -- "$cur") ;;
    files) _brief_add < <(compgen -f -- "$cur") ;;
    words) _brief_add < <(compgen -W "$words" -- "$cur") ;;
  esac
  return 0
}

complete -o filenames -o bashdefault -F _brief brief
`;
}

/** Text inside single quotes, with the characters _arguments treats specially escaped. */
function zshQuote(text: string): string {
  return text.replace(/'/g, "'\\''").replace(/([[\]:])/g, '\\$1');
}

function zshFlag(flag: FlagHelp): string {
  const description = zshQuote(flag.description);
  const name = longFlag(flag);
  const action = {
    dir: ':folder:_files -/',
    file: ':file:_files',
    format: ':format:(pdf json html)',
    template: ':template:(analyst digest executive)',
    other: `:${zshQuote(flag.flag.split(' ').at(-1) ?? 'value')}: `,
    none: '',
  }[flagValue(flag)];
  return `'${name}[${description}]${action}'`;
}

function zshArguments(help: CommandHelp): string {
  const positional = {
    briefs: `'*:brief:_files -g "*.(yaml|yml)"'`,
    brief: `'1:brief:_files -g "*.(yaml|yml)"' '*: :'`,
    files: `'*:file:_files'`,
    none: '',
    words: `'1:argument:(${(help.words ?? []).join(' ')})' '*: :'`,
  }[help.arguments];
  return [...help.flags.map(zshFlag), "'--help[show this help]'", positional]
    .filter((part) => part !== '')
    .join(' ');
}

function zshScript(): string {
  const all = commands();
  return `#compdef brief
# zsh completion for brief (briefgen): commands, their flags, brief files.
# Save it as _brief in a folder on $fpath, or load it with: source <(brief completion zsh)
_brief() {
  local -a commands
  commands=(
${all.map((c) => `    '${c.name}:${c.summary.replace(/'/g, "'\\''")}'`).join('\n')}
  )
  if (( CURRENT == 2 )); then
    _describe -t commands 'brief command' commands
    return
  fi
  shift words
  (( CURRENT-- ))
  case \${words[1]} in
${all.map((c) => `    ${c.name}) _arguments -s ${zshArguments(c.help)} ;;`).join('\n')}
  esac
}

if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then
  _brief "$@"
else
  compdef _brief brief
fi
`;
}
