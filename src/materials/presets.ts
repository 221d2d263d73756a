// Named material presets: each is a formula resolved through the same parse-and-mix path as any user formula.
export const PRESETS: Readonly<Record<string, string>> = Object.freeze({
  CsPbI3: 'CsPbI3',
  FAPbI3: 'FAPbI3',
  'FA0.5Cs0.5PbI3': 'FA0.5Cs0.5PbI3',
  MAPbI3: 'MAPbI3',
  MAPbBr3: 'MAPbBr3',
  CsPbBr3: 'CsPbBr3',
  FAPbBr3: 'FAPbBr3',
  CsPbI2Br: 'CsPbI2Br',
  CsSnI3: 'CsSnI3',
  CsPbCl3: 'CsPbCl3',
  MAPbCl3: 'MAPbCl3',
  MASnI3: 'MASnI3',
  FASnI3: 'FASnI3',
  'FA0.95Cs0.05PbI3': 'FA0.95Cs0.05PbI3',
  'MAPb0.5Sn0.5I3': 'MAPb0.5Sn0.5I3',
});
