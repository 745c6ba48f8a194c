/** The part of bpmn-moddle (bpmn-engine's own parser, untyped) that the P6 baseline uses. */
declare module 'bpmn-moddle' {
  export default class BpmnModdle {
    constructor(options?: unknown);
    fromXML(xml: string): Promise<unknown>;
  }
}
